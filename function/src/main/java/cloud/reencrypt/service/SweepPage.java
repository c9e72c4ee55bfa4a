package cloud.reencrypt.service;

import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStore.ListPage;
import cloud.reencrypt.store.ObjectStoreException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

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

  /** One listing page from {@code marker}, less the work and output locations. */
  static SweepPage list(
      ObjectStore store, WorkLocation work, SweepPlan plan, int index, String marker)
      throws ObjectStoreException {
    SweepRequest request = plan.request();
    ListPage page = store.list(request.bucket(), request.prefix(), marker, plan.pageSize());
    Optional<String> output = Optional.ofNullable(plan.outputBucket());
    List<Listed> objects =
        page.objects().stream()
            .filter(info -> !work.contains(info.bucket(), info.key()))
            .filter(
                info ->
                    !OutputLocation.isUnderOutput(
                        output, plan.outputPrefix(), info.bucket(), info.key()))
            .map(info -> new Listed(info.key(), info.etag(), info.size()))
            .toList();
    return new SweepPage(index, objects, page.nextMarker());
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
