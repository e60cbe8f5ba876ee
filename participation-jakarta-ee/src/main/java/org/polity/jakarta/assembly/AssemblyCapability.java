package org.polity.jakarta.assembly;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;

/**
 * The descriptor of assemblies' pools: {@code /api/v1/processes/{id}/pool} (declare the features,
 * register online or at the desk, withdraw, export for {@code polity sortition}) and its tables
 * (migration V9, {@code db/migration/polity/assembly}).
 */
@ApplicationScoped
public class AssemblyCapability implements Capability {

  /** The capability's id. */
  public static final String ID = "assembly";

  /** Creates the descriptor; CDI calls it. */
  public AssemblyCapability() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(PoolResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "assembly.declare-pool",
            "Declare the features an assembly's pool asks.",
            PolityRole.STAFF,
            PolityRole.ADMINISTRATOR),
        Permission.of(
            "assembly.register",
            "Volunteer to be drawn for an assembly, see or withdraw one's registration.",
            PolityRole.PARTICIPANT),
        Permission.of(
            "assembly.encode-registration",
            "Register a resident served at the desk for an assembly's pool.",
            PolityRole.ENCODER),
        Permission.of(
            "assembly.export-pool",
            "Read and export an assembly's pool for the draw.",
            PolityRole.STAFF,
            PolityRole.ADMINISTRATOR));
  }

  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/assembly");
  }
}
