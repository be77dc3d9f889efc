/**
 * What a rule sees: the movement being screened, in the reporting currency, and the account's and
 * customer's history before it. Plain Java.
 */
package dev.flowlet.streams.rules.evaluation;
