/** {@code NEW_DEVICE_HIGH_VALUE}: a high amount from a device the account has never used. */
package dev.flowlet.streams.rules.device;
