/** Accounts: the ledger accounts money moves on. */
package dev.flowlet.api.accounts;
