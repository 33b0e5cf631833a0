package org.learningcities.registration.country;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes and the UNESCO region each belongs to. */
public final class Countries {

    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Map<String, UnescoRegion> REGIONS = loadRegions();

    private Countries() {
    }

    public static boolean isIsoCode(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    /** The UNESCO region of a valid ISO code. */
    public static UnescoRegion regionOf(String isoCode) {
        if (!isIsoCode(isoCode)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + isoCode);
        }
        return REGIONS.getOrDefault(isoCode, UnescoRegion.NONE);
    }

    private static Map<String, UnescoRegion> loadRegions() {
        Properties table = new Properties();
        try (InputStream in = Countries.class.getResourceAsStream("/unesco-regions.properties")) {
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, UnescoRegion> regions = new HashMap<>();
        table.forEach((region, codes) -> Arrays.stream(((String) codes).trim().split("\\s+"))
                .forEach(code -> {
                    if (!ISO_CODES.contains(code) || regions.put(code, UnescoRegion.valueOf((String) region)) != null) {
                        throw new IllegalStateException("unesco-regions.properties: bad or repeated code " + code);
                    }
                }));
        return Map.copyOf(regions);
    }
}
