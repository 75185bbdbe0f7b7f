package gov.envgov.complaint.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import gov.envgov.support.reference.Districts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district a location lies in, by point-in-polygon over the boundaries in {@code geo/district-boundaries.json}
 * (reference data: that file says where its polygons come from, how coarse they are and how to update them), or
 * the district an address names. Every district of the boundary file is one of {@link Districts}.
 */
@Component
public class DistrictBoundaries {

    static final String RESOURCE = "geo/district-boundaries.json";

    /** One district's exterior ring, longitude/latitude pairs, first point not repeated. */
    record Boundary(String district, double[][] ring) {
    }

    private final List<Boundary> boundaries;
    private final List<String> namesLongestFirst;

    @Autowired
    public DistrictBoundaries(Districts districts) {
        this(read(RESOURCE), districts.districts().stream().map(Districts.District::name).toList());
    }

    DistrictBoundaries(List<Boundary> boundaries, List<String> districtNames) {
        Set<String> known = Set.copyOf(districtNames);
        for (Boundary boundary : boundaries) {
            if (!known.contains(boundary.district()) || boundary.ring().length < 3) {
                throw new IllegalStateException(RESOURCE + ": '" + boundary.district()
                        + "' is not a district of envgov.reference.districts or has fewer than 3 points");
            }
        }
        this.boundaries = List.copyOf(boundaries);
        this.namesLongestFirst = districtNames.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The district whose boundary holds the point; empty outside the city. */
    public Optional<String> districtAt(double longitude, double latitude) {
        return boundaries.stream().filter(boundary -> contains(boundary.ring(), longitude, latitude))
                .map(Boundary::district).findFirst();
    }

    /** The one district an address names (e.g. "盘锦市兴隆台区石油大街"); empty when it names none or several. */
    public Optional<String> districtNamedIn(String address) {
        List<String> named = new ArrayList<>();
        String rest = address;
        for (String name : namesLongestFirst) {
            if (rest.contains(name)) {
                named.add(name);
                rest = rest.replace(name, " ");
            }
        }
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    List<Boundary> boundaries() {
        return boundaries;
    }

    /** Even-odd ray casting: a ray to the east crosses the ring an odd number of times from inside. */
    static boolean contains(double[][] ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0];
            double yi = ring[i][1];
            double xj = ring[j][0];
            double yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    static List<Boundary> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Boundary> read = new ArrayList<>();
            for (JsonNode district : root.get("districts")) {
                JsonNode polygon = district.get("polygon");
                double[][] ring = new double[polygon.size()][];
                for (int i = 0; i < polygon.size(); i++) {
                    ring[i] = new double[] {polygon.get(i).get(0).asDouble(), polygon.get(i).get(1).asDouble()};
                }
                read.add(new Boundary(district.get("name").asString(), ring));
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
