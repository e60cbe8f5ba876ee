package org.polity.project;

/**
 * How a project idea reached the edition: online by its authors, on a paper form that staff encoded
 * on the authors' behalf (recording who encoded it), or from an assembly.
 */
public sealed interface Channel permits Channel.Online, Channel.PaperForm, Channel.Assembly {

  /**
   * A stable code for exports: {@code online}, {@code paper} or {@code assembly}.
   *
   * @return the code
   */
  String code();

  /**
   * Who is recorded as having submitted the idea in the project's history.
   *
   * @return the actor
   */
  String actor();

  /** Submitted online by its authors. */
  record Online() implements Channel {
    @Override
    public String code() {
      return "online";
    }

    @Override
    public String actor() {
      return "online";
    }
  }

  /**
   * A paper form encoded by staff.
   *
   * @param encodedBy the staff member who encoded it
   */
  record PaperForm(String encodedBy) implements Channel {
    /** Requires who encoded the form. */
    public PaperForm {
      if (encodedBy == null || encodedBy.isBlank()) {
        throw new IllegalArgumentException(
            "A paper form needs the staff member who encoded it: give encodedBy.");
      }
    }

    @Override
    public String code() {
      return "paper";
    }

    @Override
    public String actor() {
      return encodedBy;
    }
  }

  /**
   * Proposed by an assembly (the citizens' assembly, a neighbourhood meeting).
   *
   * @param assembly the assembly's name
   */
  record Assembly(String assembly) implements Channel {
    /** Requires the assembly's name. */
    public Assembly {
      if (assembly == null || assembly.isBlank()) {
        throw new IllegalArgumentException("An assembly channel needs the assembly's name.");
      }
    }

    @Override
    public String code() {
      return "assembly";
    }

    @Override
    public String actor() {
      return assembly;
    }
  }
}
