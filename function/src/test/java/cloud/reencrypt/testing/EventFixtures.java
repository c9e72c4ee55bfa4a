package cloud.reencrypt.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} one {@link EventFixture} per event file under {@code events/}
 * (every {@code *.json} except {@code *.expected.json}, the keystore and the sample objects).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(EventFixturesProvider.class)
public @interface EventFixtures {}
