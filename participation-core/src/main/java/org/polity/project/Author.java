package org.polity.project;

/**
 * Who proposes a project: residents (from the edition's minimum age), a local association, or a
 * neighbourhood assembly. Only what the public follow-up and the age rule need is kept (no address,
 * no birth date).
 */
public sealed interface Author
    permits Author.Resident, Author.Association, Author.NeighbourhoodAssembly {

  /**
   * The name shown with the project.
   *
   * @return the name
   */
  String name();

  /**
   * A resident.
   *
   * @param name the name shown (possibly a first name or initials)
   * @param age the age in years on the day of submission, checked against the edition's minimum
   */
  record Resident(String name, int age) implements Author {
    /** Validates the parts. */
    public Resident {
      requireName(name, "resident");
      if (age < 0 || age > 130) {
        throw new IllegalArgumentException(
            "The age "
                + age
                + " of resident '"
                + name
                + "' is out of range: give the age in years.");
      }
    }
  }

  /**
   * A local association.
   *
   * @param name its name
   */
  record Association(String name) implements Author {
    /** Validates the name. */
    public Association {
      requireName(name, "association");
    }
  }

  /**
   * A neighbourhood assembly (or a group of the citizens' assembly).
   *
   * @param name its name, such as the neighbourhood's
   */
  record NeighbourhoodAssembly(String name) implements Author {
    /** Validates the name. */
    public NeighbourhoodAssembly {
      requireName(name, "neighbourhood assembly");
    }
  }

  private static void requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "The name of an author (" + what + ") is blank: give a name.");
    }
  }
}
