/** Hands the shared test servers to Spring application contexts. */
package dev.flowlet.testsupport.spring;
