/**
 * Compliance search: compliance officers and auditors search the audit trail, risk decisions and
 * alerts that Elasticsearch holds, with exact filters, free text and cursor paging; every search is
 * itself audited.
 */
package dev.flowlet.api.compliance;
