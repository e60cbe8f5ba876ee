package org.polity.sortition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The published lottery: a numbered list of tickets (0 to size-1), each a panel that meets every
 * quota and the household rule. One ticket is drawn uniformly at random by a {@link PublicDraw}, so
 * each respondent's chance is the share of tickets that name them. The list is published (with its
 * {@link #fingerprint()}) before the public random numbers are drawn.
 *
 * @param tickets the panels, in ticket order; a panel may appear on several tickets
 */
public record Lottery(List<Panel> tickets) {

  /** Copies the tickets; a lottery has at least one. */
  public Lottery {
    tickets = List.copyOf(Objects.requireNonNull(tickets, "tickets"));
    if (tickets.isEmpty()) {
      throw new IllegalArgumentException("A lottery needs at least one ticket.");
    }
  }

  /**
   * A distinct panel of the lottery with the tickets that carry it.
   *
   * @param panel the panel
   * @param tickets its ticket numbers, ascending
   * @param probability share of tickets carrying it
   */
  public record Entry(Panel panel, List<Integer> tickets, double probability) {}

  /**
   * @return number of tickets
   */
  public int size() {
    return tickets.size();
  }

  /**
   * @return each distinct panel with its tickets, in order of first ticket
   */
  public List<Entry> entries() {
    Map<Panel, List<Integer>> byPanel = new LinkedHashMap<>();
    for (int i = 0; i < tickets.size(); i++) {
      byPanel.computeIfAbsent(tickets.get(i), p -> new ArrayList<>()).add(i);
    }
    List<Entry> entries = new ArrayList<>();
    byPanel.forEach(
        (panel, numbers) ->
            entries.add(
                new Entry(panel, List.copyOf(numbers), (double) numbers.size() / tickets.size())));
    return entries;
  }

  /**
   * Each respondent's chance in this lottery: the share of tickets naming them.
   *
   * @param pool the pool (respondents on no ticket get 0)
   * @return id to probability, in pool order
   */
  public Map<String, Double> probabilities(Pool pool) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Respondent r : pool.respondents()) {
      counts.put(r.id(), 0);
    }
    for (Panel p : tickets) {
      for (String id : p.memberIds()) {
        counts.merge(id, 1, Integer::sum);
      }
    }
    Map<String, Double> p = new LinkedHashMap<>();
    counts.forEach((id, n) -> p.put(id, (double) n / tickets.size()));
    return p;
  }

  /**
   * The canonical text of the list: one line per ticket, {@code number:id,id,...}, ending in a
   * newline. This is what {@link #fingerprint()} hashes.
   *
   * @return the canonical text
   */
  public String canonicalText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tickets.size(); i++) {
      sb.append(i).append(':').append(String.join(",", tickets.get(i).memberIds())).append('\n');
    }
    return sb.toString();
  }

  /**
   * @return the SHA-256 of {@link #canonicalText()}, hexadecimal: anyone can check that the
   *     published list was not changed after the public numbers were drawn
   */
  public String fingerprint() {
    return sha256Hex(canonicalText());
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK always provides SHA-256", e);
    }
  }
}
