package org.polity.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Draws who receives an invitation, uniformly at random from a register, with a recorded seed:
 * either people, or households (every household equally likely, whatever its size; the letter
 * goes to the household). The register is sorted by id first, so the draw depends only on its
 * content and the seed, never on the order it was read in; anyone with the register and the seed
 * can repeat it.
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
          "Cannot invite " + count + " " + unit.name().toLowerCase(java.util.Locale.ROOT)
              + " from a register of " + units.size() + "; choose 1 to " + units.size() + ".");
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
