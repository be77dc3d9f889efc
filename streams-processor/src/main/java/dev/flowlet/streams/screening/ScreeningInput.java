package dev.flowlet.streams.screening;

import dev.flowlet.streams.rules.evaluation.Movement;

/**
 * A movement on its way to the partition of its customer: either a transaction to screen, or the
 * credit leg of a transfer into another Flowlet account, which only updates that account's history.
 *
 * @param credit whether this is a credit leg (no decision)
 * @param movement the movement, booked on the account it concerns
 */
record ScreeningInput(boolean credit, Movement movement) {}
