package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore.ListPage;
import cloud.reencrypt.store.ObjectStoreException;
import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.ListObjectsRequest;
import com.obs.services.model.ObjectListing;
import com.obs.services.model.ObsObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code ListObjects} (OBS keeps keys in UTF-8 byte order). The keys are asked for URL
 * encoded, which the SDK decodes: XML cannot carry every character a key may hold (control
 * characters), and the SDK fails on a listing with one. Without a delimiter the server need not
 * send a next marker, so a truncated page continues after its last key.
 */
final class ObsListing {
  private ObsListing() {}

  static ListPage page(ObsClient client, String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    ListObjectsRequest request = new ListObjectsRequest(bucket);
    request.setPrefix(prefix);
    request.setMarker(marker);
    request.setMaxKeys(maxKeys);
    request.setEncodingType("url");
    ObjectListing listing;
    try {
      listing = client.listObjects(request);
    } catch (ObsException e) {
      throw ObsErrors.of(e, "list", bucket, Objects.toString(prefix, ""));
    }
    List<ObjectInfo> objects = new ArrayList<>();
    for (ObsObject object : listing.getObjects()) {
      objects.add(ObsReads.listed(bucket, object.getObjectKey(), object.getMetadata()));
    }
    boolean more = listing.isTruncated() && !objects.isEmpty();
    return new ListPage(objects, more ? objects.get(objects.size() - 1).key() : null);
  }
}
