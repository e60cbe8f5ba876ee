package org.polity.cartography;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.polity.common.LocalizedText;
import org.polity.geo.GeoJsonFeature;

/**
 * A collection of features on the map (initiatives, the projects of one edition, districts), as an
 * adapter serves it: an OGC API – Features collection, a GeoJSON file. Features are in WGS 84
 * lon/lat, in a stable order, and pages are taken by offset.
 *
 * <p>Implementations: {@link InitiativeLayer}, {@link ProjectLayer}, {@link AreaLayer}.
 */
public interface MapLayer {

  /**
   * The identifier, used in URLs ({@code initiatives}, {@code projects-sb-2027}, {@code
   * districts}).
   *
   * @return the identifier
   */
  String id();

  /**
   * @return the human title
   */
  LocalizedText title();

  /**
   * @return a short description
   */
  LocalizedText description();

  /**
   * The bounding box of every feature.
   *
   * @return the extent (a null envelope when empty)
   */
  Envelope extent();

  /**
   * Whether {@link LayerQuery#from()}/{@link LayerQuery#to()} filter this layer (its features have
   * dates); layers without dates ignore a date interval.
   *
   * @return true if the layer is temporal
   */
  boolean temporal();

  /**
   * One page of features.
   *
   * @param query bbox, dates, offset, limit
   * @return the page
   */
  FeaturePage features(LayerQuery query);

  /**
   * One feature by id.
   *
   * @param featureId the feature's id
   * @return the feature, or empty when there is none (or it is not public)
   */
  Optional<GeoJsonFeature> feature(String featureId);
}
