/**
 * The portal's pages for residents: each a Jakarta REST resource that reads the request, calls an
 * application service of the adapter and renders a template with what the service answered.
 */
package org.polity.portal.pages;
