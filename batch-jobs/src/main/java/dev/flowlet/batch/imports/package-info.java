/**
 * The import folder ({@code FLOWLET_IMPORT_DIR}): the only place jobs read files from, named by
 * absolute path; anything outside it, or leading out of it through a link, is refused.
 */
package dev.flowlet.batch.imports;
