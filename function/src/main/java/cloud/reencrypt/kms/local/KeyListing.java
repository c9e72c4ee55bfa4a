package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.ListKeysRequest;
import cloud.reencrypt.kms.ListKeysResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * list-keys: keys in keystore order, filtered by {@code key_state} and {@code key_spec} (KMS's
 * default {@code AES_256}; {@code ALL} lists every spec), paged by {@code limit} (1–1000, absent
 * means everything) and {@code marker} (the offset {@code next_marker} hands back).
 */
final class KeyListing {
  private static final String ALL = "ALL";
  private static final Set<String> SPEC_FILTERS =
      Set.of(
          "AES_256", "SM4", "RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2", ALL);
  private static final int MAX_LIMIT = 1000;

  private final LocalKeystore keystore;

  KeyListing(LocalKeystore keystore) {
    this.keystore = keystore;
  }

  ListKeysResponse listKeys(ListKeysRequest request) {
    Integer limit =
        RequestFields.integer("limit", request.limit(), 1, MAX_LIMIT, KmsError.INVALID_LIMIT);
    Integer marker =
        RequestFields.integer(
            "marker", request.marker(), 0, Integer.MAX_VALUE, KmsError.INVALID_MARKER);
    String state = stateFilter(request.keyState());
    String spec = specFilter(request.keySpec());
    KeystoreSnapshot snapshot = keystore.snapshot();
    List<LocalKey> matching = matching(snapshot.allKeys(), state, spec);
    int from = Math.min(marker == null ? 0 : marker, matching.size());
    int to = limit == null ? matching.size() : (int) Math.min((long) from + limit, matching.size());
    return page(matching, from, to, snapshot.domainId());
  }

  /** key_state as given: absent or blank stays so, and means any state. */
  private static String stateFilter(String state) {
    if (RequestFields.present(state) && !state.matches("[1-5]")) {
      throw KmsError.INVALID_PARAMETER.exception("key_state must be 1 to 5");
    }
    return state;
  }

  private static String specFilter(String keySpec) {
    String spec = RequestFields.present(keySpec) ? keySpec : "AES_256";
    if (!SPEC_FILTERS.contains(spec)) {
      throw KmsError.INVALID_PARAMETER.exception("key_spec is not a KMS key spec or ALL");
    }
    return spec;
  }

  private static List<LocalKey> matching(Collection<LocalKey> keys, String state, String spec) {
    List<LocalKey> matching = new ArrayList<>();
    for (LocalKey key : keys) {
      boolean stateMatches = !RequestFields.present(state) || key.state().code().equals(state);
      if (stateMatches && (spec.equals(ALL) || key.spec().name().equals(spec))) {
        matching.add(key);
      }
    }
    return matching;
  }

  private static ListKeysResponse page(List<LocalKey> matching, int from, int to, String domainId) {
    List<String> ids = new ArrayList<>();
    List<KeyDetails> details = new ArrayList<>();
    for (LocalKey key : matching.subList(from, to)) {
      ids.add(key.keyId());
      details.add(key.details(domainId));
    }
    boolean truncated = to < matching.size();
    return new ListKeysResponse(
        ids,
        details,
        truncated ? Integer.toString(to) : "",
        Boolean.toString(truncated),
        matching.size());
  }
}
