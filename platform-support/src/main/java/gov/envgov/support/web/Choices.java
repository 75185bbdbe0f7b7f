package gov.envgov.support.web;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A multi-valued enum filter of a list ({@code ?status=OPEN&status=LISTED}): the values chosen, or every value when
 * none was. A blank value ({@code ?status=} from a form's "all", or {@code ?status=%20}) chooses nothing rather than
 * being a null in the set.
 */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> Set<E> orAll(@Nullable Set<E> chosen, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (chosen != null) {
            chosen.stream().filter(Objects::nonNull).forEach(values::add);
        }
        return values.isEmpty() ? EnumSet.allOf(type) : values;
    }
}
