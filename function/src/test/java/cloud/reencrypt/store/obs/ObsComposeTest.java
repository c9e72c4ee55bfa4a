package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStoreException.Reason;
import cloud.reencrypt.store.ObsDialect;
import cloud.reencrypt.testing.CountingRelay;
import cloud.reencrypt.testing.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OBS store's compose against S3Proxy, which implements {@code UploadPartCopy}. The store under
 * test reaches the server through a {@link CountingRelay}, so the bytes it moved are counted on the
 * wire: a server-side copy moves a few kilobytes of requests, a streamed compose moves every byte
 * twice (down from the parts, up into the new object).
 */
class ObsComposeTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private static final int MIN_PART = ObsDialect.S3_PATH_STYLE.minPartSize();

  /** Far above the requests of a copy, far below the bytes of the smallest streamed compose. */
  private static final long COPY_TRAFFIC_LIMIT = 64 * 1024;

  private ObjectStore direct;
  private CountingRelay relay;
  private ObjectStore counted;
  private String bucket;

  @BeforeEach
  void connect() throws IOException {
    direct = ObsObjectStore.connect(S3.endpoint(), S3.credentials());
    relay = new CountingRelay(URI.create(S3.endpoint()));
    counted = ObsObjectStore.connect(relay.endpoint(), S3.credentials());
    bucket = S3.createBucket();
  }

  @AfterEach
  void disconnect() throws IOException {
    counted.close();
    relay.close();
    direct.close();
  }

  @Test
  void compose_partsOfMinimumSizeOrMore_copiesOnServerWithoutStreamingThroughClient()
      throws IOException {
    List<byte[]> contents = List.of(random(MIN_PART, 1), random(MIN_PART + 7, 2), random(999, 3));
    List<ObjectInfo> parts = putParts(contents);
    Map<String, String> metadata = Map.of("reencrypt-source-etag", "e1");

    ObjectInfo composed = counted.compose(bucket, "t", metadata, parts);

    assertTrue(relay.bytes() < COPY_TRAFFIC_LIMIT, relay.bytes() + " bytes through the client");
    assertArrayEquals(concat(contents), S3.read(bucket, "t"));
    assertEquals(metadata, S3.userMetadata(bucket, "t"));
    assertTrue(composed.etag().endsWith("-3"), "a three-part multipart ETag: " + composed.etag());
    assertEquals(direct.head(bucket, "t").orElseThrow(), composed);
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  @Test
  void compose_partUnderMinimumSizeBeforeTheLast_streamsThroughClient() throws IOException {
    List<byte[]> contents = List.of(random(100_000, 4), random(100_000, 5), random(100_000, 6));
    List<ObjectInfo> parts = putParts(contents);

    ObjectInfo composed = counted.compose(bucket, "t", Map.of("m", "1"), parts);

    assertTrue(relay.bytes() > 2 * 300_000, relay.bytes() + " bytes through the client");
    assertArrayEquals(concat(contents), S3.read(bucket, "t"));
    assertEquals(Map.of("m", "1"), S3.userMetadata(bucket, "t"));
    assertEquals(direct.head(bucket, "t").orElseThrow(), composed);
  }

  @Test
  void compose_serverSideCopyOfDeletedPart_abortsAndKeepsPreviousTarget() throws IOException {
    ObjectInfo previous = direct.write(bucket, "t", Map.of("v", "1"), out -> out.write(1));
    List<ObjectInfo> parts = putParts(List.of(random(MIN_PART, 7), random(MIN_PART, 8)));
    direct.delete(bucket, parts.get(1).key());

    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> counted.compose(bucket, "t", Map.of("v", "2"), parts));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertTrue(e.getMessage().contains(parts.get(1).key()), e.getMessage());
    assertTrue(relay.bytes() < COPY_TRAFFIC_LIMIT, "the copy path ran: " + relay.bytes());
    assertEquals(0, S3.pendingMultipartUploads(bucket));
    assertEquals(previous, direct.head(bucket, "t").orElseThrow());
    assertArrayEquals(new byte[] {1}, S3.read(bucket, "t"));
  }

  @Test
  void compose_serverSideCopyOfPartThatShrank_abortsAndPublishesNothing() throws IOException {
    List<ObjectInfo> parts = putParts(List.of(random(MIN_PART, 9), random(MIN_PART, 10)));
    direct.write(bucket, parts.get(1).key(), Map.of(), out -> out.write(2));

    assertThrows(ObjectStoreException.class, () -> counted.compose(bucket, "t", Map.of(), parts));

    assertFalse(S3.exists(bucket, "t"));
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  @Test
  void compose_partsIncludeTarget_refusedBeforeAnyRequest() throws IOException {
    List<ObjectInfo> parts = putParts(List.of(random(MIN_PART, 11), random(10, 12)));
    List<ObjectInfo> withTarget = List.of(parts.get(0), parts.get(1));

    ObjectStoreException e =
        assertThrows(
            ObjectStoreException.class,
            () -> counted.compose(bucket, parts.get(1).key(), Map.of(), withTarget));

    assertEquals(Reason.INVALID_ARGUMENT, e.reason());
    assertEquals(0, relay.bytes());
  }

  private List<ObjectInfo> putParts(List<byte[]> contents) throws IOException {
    List<ObjectInfo> parts = new ArrayList<>();
    for (byte[] content : contents) {
      parts.add(direct.write(bucket, "part-" + parts.size(), Map.of(), out -> out.write(content)));
    }
    return parts;
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(List<byte[]> contents) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] content : contents) {
      all.write(content);
    }
    return all.toByteArray();
  }
}
