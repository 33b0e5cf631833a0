package org.learningcities.registration.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.learningcities.registration.country.Countries;
import org.learningcities.registration.country.UnescoRegion;

class SampleDelegatesTest {

    private final List<Map<String, Object>> delegates = Beijing2013Delegates.generate();

    @Test
    void theShippedDataSetIsExactlyWhatTheGeneratorProduces() throws IOException {
        try (InputStream shipped = getClass().getResourceAsStream("/samples/beijing-2013-delegates.json")) {
            assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8))
                    .as("regenerate with the command in Beijing2013Delegates' documentation")
                    .isEqualTo(Beijing2013Delegates.json());
        }
    }

    @Test
    void bringsSeveralHundredDelegatesFromOverEightyCountries() {
        assertThat(delegates).hasSize(500);
        assertThat(countBy(delegate -> delegate.get("countryCode"))).hasSizeGreaterThanOrEqualTo(80);
        assertThat(delegates).extracting(delegate -> delegate.get("email")).doesNotHaveDuplicates();
    }

    @Test
    void coversAllFiveUnescoRegionsWithTheHostRegionLargest() {
        Map<Object, Long> regions = countBy(delegate -> Countries.regionOf((String) delegate.get("countryCode")));

        assertThat(regions.keySet()).containsExactlyInAnyOrder(UnescoRegion.AFRICA, UnescoRegion.ARAB_STATES,
                UnescoRegion.ASIA_AND_THE_PACIFIC, UnescoRegion.EUROPE_AND_NORTH_AMERICA,
                UnescoRegion.LATIN_AMERICA_AND_THE_CARIBBEAN);
        assertThat(regions.values()).allMatch(count -> count >= 40);
        assertThat(regions.get(UnescoRegion.ASIA_AND_THE_PACIFIC)).isEqualTo(regions.values().stream()
                .max(Long::compare).orElseThrow());
    }

    @Test
    void spreadsDelegatesOverTheConferenceCategories() {
        Map<Object, Long> categories = countBy(delegate -> delegate.get("category"));

        assertThat(categories.keySet()).contains("MAYOR", "CITY_EDUCATION_EXECUTIVE", "EXPERT",
                "INTERNATIONAL_ORGANISATION", "NGO", "PRIVATE_SECTOR", "OBSERVER", "PRESS", "MEMBER_STATE_DELEGATE");
        assertThat(categories.values()).allMatch(count -> count >= 10);
    }

    @Test
    void includesNamesInChineseAndArabicScript() {
        assertThat(delegates).anyMatch(delegate -> ((String) delegate.get("familyName"))
                .codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        assertThat(delegates).anyMatch(delegate -> ((String) delegate.get("familyName"))
                .codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
    }

    private Map<Object, Long> countBy(Function<Map<String, Object>, Object> key) {
        return delegates.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
