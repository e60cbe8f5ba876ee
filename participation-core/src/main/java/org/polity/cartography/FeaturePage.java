package org.polity.cartography;

import java.util.List;
import org.polity.geo.GeoJsonFeature;

/**
 * One page of a {@link MapLayer}'s features and how many matched in all.
 *
 * @param features the features on this page
 * @param numberMatched how many features matched the query
 */
public record FeaturePage(List<GeoJsonFeature> features, int numberMatched) {

  /** Copies the list. */
  public FeaturePage {
    features = List.copyOf(features);
  }

  /** Slices a full, ordered list of matches. */
  static FeaturePage slice(List<GeoJsonFeature> matches, LayerQuery query) {
    int from = Math.min(query.offset(), matches.size());
    int to = (int) Math.min((long) from + query.limit(), matches.size());
    return new FeaturePage(matches.subList(from, to), matches.size());
  }
}
