package org.polity.jakarta.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;

/**
 * The application service of identity: who the caller is, as Polity sees them (signed in or not,
 * and their Polity roles after role mapping). Nothing is stored.
 */
@ApplicationScoped
public class CurrentUserService {

  /** Creates the service; CDI calls it. */
  public CurrentUserService() {}

  /**
   * The current user.
   *
   * @param signedIn whether somebody is signed in
   * @param roles their Polity roles, in {@link PolityRole} order, {@link PolityRole#ANONYMOUS}
   *     always among them
   */
  public record CurrentUser(boolean signedIn, List<PolityRole> roles) {
    /** Copies the roles. */
    public CurrentUser {
      roles = List.copyOf(roles);
    }
  }

  /**
   * The caller as Polity sees them.
   *
   * @param caller the caller
   * @return the current user
   */
  public CurrentUser me(Caller caller) {
    List<PolityRole> roles = new ArrayList<>();
    for (PolityRole role : PolityRole.values()) {
      if (caller.roles().contains(role)) {
        roles.add(role);
      }
    }
    return new CurrentUser(caller.principal().isPresent(), roles);
  }
}
