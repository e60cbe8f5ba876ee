package org.polity.jakarta.glassfish.portal;

import jakarta.ws.rs.ApplicationPath;
import org.polity.jakarta.PolityApplication;

/** The portal mounts Polity's REST API under {@code /polity}, as docs/embedding.md says. */
@ApplicationPath("/polity")
public class PortalPolity extends PolityApplication {

  /** Creates the application; the server calls it. */
  public PortalPolity() {}
}
