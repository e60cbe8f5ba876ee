/**
 * The REST API, version 1 ({@code /api/v1}). Resources are thin: they validate the request, build
 * domain values, call one service and map its outcome; every method declares who may call it with
 * {@code @RolesAllowed} or {@code @PermitAll}.
 */
package org.polity.jakarta.rest;
