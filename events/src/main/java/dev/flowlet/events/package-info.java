/** The contracts every Flowlet module shares: event records and the topics that carry them. */
package dev.flowlet.events;
