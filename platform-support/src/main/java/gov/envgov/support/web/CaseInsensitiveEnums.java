package gov.envgov.support.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Query parameters and path variables name enum values in any letter case ({@code ?category=air} is {@code AIR}),
 * as JSON bodies do ({@code spring.jackson.mapper.accept-case-insensitive-enums}): unambiguous, so not refused. An
 * enum with two values that differ only in case takes only the exact name (ERR-FIELD-NAMED).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class CaseInsensitiveEnums implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
        Class<?> type = targetType;
        while (type != null && !type.isEnum()) {
            type = type.getSuperclass();
        }
        Class<T> enumType = (Class<T>) type;
        return source -> convert(enumType, source);
    }

    static <T extends Enum> T convert(Class<T> type, String source) {
        String name = source.strip();
        if (name.isEmpty()) {
            return null;
        }
        List<T> values = Arrays.asList(type.getEnumConstants());
        for (T value : values) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        List<T> matches = values.stream().filter(value -> value.name().equalsIgnoreCase(name)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        // No value, or an ambiguous one: a type mismatch, which the problem advice tells as "one of ...".
        throw new IllegalArgumentException("no value of " + type.getSimpleName() + " matches");
    }
}
