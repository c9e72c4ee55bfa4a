package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.store.ObjectStore;
import com.huawei.services.runtime.Context;
import java.io.IOException;

/**
 * Opens the object store for one invocation; the OBS handler closes it when the invocation ends.
 */
@FunctionalInterface
public interface StoreFactory {
  ObjectStore open(Context context, Configuration configuration) throws IOException;
}
