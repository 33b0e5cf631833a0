package org.learningcities.registration.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {

    @ParameterizedTest
    @CsvSource({
            "CN, ASIA_AND_THE_PACIFIC", "KR, ASIA_AND_THE_PACIFIC", "AU, ASIA_AND_THE_PACIFIC",
            "MX, LATIN_AMERICA_AND_THE_CARIBBEAN", "CO, LATIN_AMERICA_AND_THE_CARIBBEAN",
            "EG, ARAB_STATES", "JO, ARAB_STATES", "MA, ARAB_STATES",
            "ET, AFRICA", "ZA, AFRICA", "DJ, AFRICA",
            "DE, EUROPE_AND_NORTH_AMERICA", "US, EUROPE_AND_NORTH_AMERICA", "IL, EUROPE_AND_NORTH_AMERICA",
            "AQ, NONE"})
    void derivesTheUnescoRegionFromTheCountry(String country, UnescoRegion region) {
        assertThat(Countries.regionOf(country)).isEqualTo(region);
    }

    @ParameterizedTest
    @CsvSource({"XX", "cn", "CHN", "''"})
    void refusesWhatIsNotAnIsoAlpha2Code(String code) {
        assertThat(Countries.isIsoCode(code)).isFalse();
        assertThatThrownBy(() -> Countries.regionOf(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
