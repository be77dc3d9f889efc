/** The problem+json answers every Flowlet HTTP service gives: one vocabulary of problem types. */
package dev.flowlet.problems;
