package cloud.reencrypt.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One listing page of a sweep, a work item ({@code pages/pNNNNNN.json}): the objects one {@code
 * ListObjects} page returned, less those under the work and output locations, and the marker the
 * next page is listed from. Written before any of its objects is processed, it is the sweep's
 * checkpointed cursor.
 *
 * @param index the page's number, from 0
 * @param objects the page's objects
 * @param nextMarker where the next page starts; null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepPage(int index, List<Listed> objects, String nextMarker) {
  public SweepPage {
    objects = List.copyOf(objects);
  }

  /**
   * One listed object.
   *
   * @param key its key
   * @param etag its ETag as listed
   * @param size its size in bytes
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Listed(String key, String etag, long size) {}
}
