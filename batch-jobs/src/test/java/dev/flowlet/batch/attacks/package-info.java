/** Attacks on the batch jobs: file parameters that lead out of the import folder, CSV formulas. */
package dev.flowlet.batch.attacks;
