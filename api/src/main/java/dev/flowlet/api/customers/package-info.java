/** Customers: the data subjects whose accounts and money movements Flowlet records. */
package dev.flowlet.api.customers;
