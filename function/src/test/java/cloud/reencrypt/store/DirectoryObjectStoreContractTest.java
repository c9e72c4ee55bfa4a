package cloud.reencrypt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ObjectStoreContract} on a directory under a temporary root. */
class DirectoryObjectStoreContractTest extends ObjectStoreContract {
  @TempDir Path root;

  @Override
  protected ObjectStore newStore() {
    return ObjectStores.directory(root);
  }

  @Override
  protected String newBucket() throws IOException {
    Files.createDirectory(root.resolve("bucket"));
    return "bucket";
  }

  @Override
  protected boolean existsInStorage(String bucket, String key) {
    return Files.exists(root.resolve(bucket).resolve(key));
  }
}
