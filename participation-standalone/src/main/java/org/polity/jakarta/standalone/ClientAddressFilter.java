package org.polity.jakarta.standalone;

import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import org.glassfish.grizzly.http.server.Request;
import org.polity.jakarta.http.RateLimits;

/**
 * Tells the adapter's {@link RateLimits} who the client is: the peer address of the connection, as
 * Grizzly has it. {@code X-Forwarded-For} is not read: behind a reverse proxy every client shares
 * the proxy's address, which bounds them together rather than letting one header forge many.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public class ClientAddressFilter implements ContainerRequestFilter {

  @Context Provider<Request> grizzly;

  /** Creates the filter; Jersey calls it. */
  public ClientAddressFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    Request peer = grizzly == null ? null : grizzly.get();
    if (peer != null && peer.getRemoteAddr() != null) {
      request.setProperty(RateLimits.CLIENT_ADDRESS, peer.getRemoteAddr());
    }
  }
}
