/** The API's OpenAPI description and Swagger UI, generated from the controllers. */
package dev.flowlet.api.docs;
