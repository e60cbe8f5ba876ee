package org.polity.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.polity.eligibility.spi.CensusEntry;
import org.polity.eligibility.spi.CensusSource;

/**
 * Draws who receives an invitation, uniformly at random from a register, with a recorded seed:
 * either people, or households (every household equally likely, whatever its size; the letter goes
 * to the household). The register is sorted by id first, so the draw depends only on its content
 * and the seed, never on the order it was read in; anyone with the register and the seed can repeat
 * it.
 */
public final class Invitations {

  private Invitations() {}

  /** What is drawn. */
  public enum Unit {
    /** Individual people. */
    PEOPLE,
    /** Households (addresses). */
    HOUSEHOLDS
  }

  /**
   * The invitations drawn.
   *
   * @param seed the recorded seed
   * @param unit people or households
   * @param registerSize people in the register
   * @param invitedUnits the drawn person ids or household ids, in draw order
   * @param invitedPeople every person invited (the members of drawn households)
   */
  public record Draw(
      long seed,
      Unit unit,
      int registerSize,
      List<String> invitedUnits,
      List<RegisterEntry> invitedPeople) {

    /** Copies lists. */
    public Draw {
      invitedUnits = List.copyOf(invitedUnits);
      invitedPeople = List.copyOf(invitedPeople);
    }
  }

  /**
   * Draws invitations.
   *
   * @param register the register (each person once)
   * @param count how many people or households to invite ({@code >= 1}, at most as many as there
   *     are)
   * @param unit people or households
   * @param seed recorded seed
   * @return the draw
   */
  public static Draw draw(Stream<RegisterEntry> register, int count, Unit unit, long seed) {
    return drawEntries(register, count, unit, seed);
  }

  /**
   * Draws invitations from a census source that can list its members (a population register plugged
   * in through the {@link CensusSource} SPI). The drawn units are participant keys (or household
   * keys): the municipality that holds the register turns them into letters.
   *
   * @param register the register
   * @param count how many people or households to invite
   * @param unit people or households
   * @param seed recorded seed
   * @return the draw
   * @throws IllegalArgumentException if the source cannot list its members
   */
  public static Draw draw(CensusSource register, int count, Unit unit, long seed) {
    Stream<CensusEntry> entries =
        register
            .entries()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The census source '"
                            + register.name().original()
                            + "' can only be"
                            + " consulted person by person, so invitations cannot be drawn from"
                            + " it: use a source that lists its members (CensusSource.entries()),"
                            + " such as a CSV register with a household column."));
    try (entries) {
      return drawEntries(
          entries.map(e -> new RegisterEntry(e.participant().toString(), e.household())),
          count,
          unit,
          seed);
    }
  }

  private static Draw drawEntries(Stream<RegisterEntry> register, int count, Unit unit, long seed) {
    Map<String, RegisterEntry> people = new TreeMap<>();
    register.forEach(
        e -> {
          if (people.put(e.personId(), e) != null) {
            throw new IllegalArgumentException(
                "Person '" + e.personId() + "' appears twice in the register; remove duplicates.");
          }
        });
    Map<String, List<RegisterEntry>> households = new TreeMap<>();
    for (RegisterEntry e : people.values()) {
      households.computeIfAbsent(e.householdId(), h -> new ArrayList<>()).add(e);
    }
    List<String> units =
        new ArrayList<>(unit == Unit.PEOPLE ? people.keySet() : households.keySet());
    if (count < 1 || count > units.size()) {
      throw new IllegalArgumentException(
          "Cannot invite "
              + count
              + " "
              + unit.name().toLowerCase(java.util.Locale.ROOT)
              + " from a register of "
              + units.size()
              + "; choose 1 to "
              + units.size()
              + ".");
    }
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(units.size() - i);
      String t = units.get(i);
      units.set(i, units.get(j));
      units.set(j, t);
    }
    List<String> drawn = units.subList(0, count);
    List<RegisterEntry> invited = new ArrayList<>();
    for (String u : drawn) {
      if (unit == Unit.PEOPLE) {
        invited.add(people.get(u));
      } else {
        invited.addAll(households.get(u));
      }
    }
    return new Draw(seed, unit, people.size(), drawn, invited);
  }
}
