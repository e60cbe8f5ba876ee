package org.polity.jakarta.security;

/**
 * The roles of Polity. Endpoints name them in {@code @RolesAllowed} through the constants below; a
 * portal grants them through its own role names, mapped by the {@code polity.roles.*} keys.
 *
 * <p>{@link #STAFF} is not granted directly: a user is staff when they are a reviewer or an
 * encoder.
 */
public enum PolityRole {
  /** Anyone, signed in or not. Endpoints open to anonymous users use {@code @PermitAll}. */
  ANONYMOUS(Names.ANONYMOUS),
  /** A signed-in resident who may take part (submit, support, vote where eligible). */
  PARTICIPANT(Names.PARTICIPANT),
  /** Staff who review projects (feasibility, costing). */
  REVIEWER(Names.REVIEWER),
  /** Staff who encode paper forms and paper ballots on a resident's behalf. */
  ENCODER(Names.ENCODER),
  /** Either kind of staff; derived, never mapped. */
  STAFF(Names.STAFF),
  /** Moderates comments and contributions. */
  MODERATOR(Names.MODERATOR),
  /** Configures processes, budgets and the platform. */
  ADMINISTRATOR(Names.ADMINISTRATOR);

  private final String roleName;

  PolityRole(String roleName) {
    this.roleName = roleName;
  }

  /**
   * The name used in {@code @RolesAllowed} and in the {@code polity.roles.<name>} keys.
   *
   * @return the lower-case role name
   */
  public String roleName() {
    return roleName;
  }

  /**
   * Whether a portal maps its roles to this role (all but {@link #ANONYMOUS} and {@link #STAFF}).
   *
   * @return true for a role granted by configuration
   */
  public boolean isMapped() {
    return this != ANONYMOUS && this != STAFF;
  }

  /** The role names as compile-time constants, for {@code @RolesAllowed}. */
  public static final class Names {
    /** {@link PolityRole#ANONYMOUS}. */
    public static final String ANONYMOUS = "anonymous";

    /** {@link PolityRole#PARTICIPANT}. */
    public static final String PARTICIPANT = "participant";

    /** {@link PolityRole#REVIEWER}. */
    public static final String REVIEWER = "reviewer";

    /** {@link PolityRole#ENCODER}. */
    public static final String ENCODER = "encoder";

    /** {@link PolityRole#STAFF}. */
    public static final String STAFF = "staff";

    /** {@link PolityRole#MODERATOR}. */
    public static final String MODERATOR = "moderator";

    /** {@link PolityRole#ADMINISTRATOR}. */
    public static final String ADMINISTRATOR = "administrator";

    private Names() {}
  }
}
