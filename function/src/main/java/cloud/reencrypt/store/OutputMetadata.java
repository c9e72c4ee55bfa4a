package cloud.reencrypt.store;

import java.util.Optional;

/**
 * The user metadata a re-encrypted output carries ({@code x-obs-meta-*} on OBS), and the check that
 * makes a repeated OBS event a no-op: OBS delivers events at least once, so before redoing an
 * object the handler asks whether the output already records the source's ETag.
 */
public final class OutputMetadata {
  /** ETag of the source content the output was made from. */
  public static final String SOURCE_ETAG = "reencrypt-source-etag";

  /** Key the output's ciphertexts are encrypted under. */
  public static final String DESTINATION_KEY_ID = "reencrypt-destination-key-id";

  /** Key the source ciphertext was encrypted under (single-ciphertext objects only). */
  public static final String SOURCE_KEY_ID = "reencrypt-source-key-id";

  /** The sweep that wrote the output, when a sweep did: a redelivered page counts it once. */
  public static final String JOB_ID = "reencrypt-job-id";

  private OutputMetadata() {}

  /**
   * Whether the output at {@code bucket/key} exists and was made from source content with this
   * ETag. Quotes and case in either tag do not matter.
   */
  public static boolean isUpToDate(ObjectStore store, String bucket, String key, String sourceEtag)
      throws ObjectStoreException {
    Optional<ObjectInfo> output = store.head(bucket, key);
    return output.isPresent()
        && Etags.same(output.get().userMetadata(SOURCE_ETAG).orElse(null), sourceEtag);
  }
}
