package gov.envgov.complaint.duplicate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.Location;

/**
 * Proposes open complaints that report the same facts as a new one: same category or same enterprise, filed within
 * the window, close by when both have a location, and with similar text; the most similar first, as many as
 * configured. Operators confirm; nothing is linked automatically.
 */
final class DuplicateFinder {

    private static final double EARTH_RADIUS_METERS = 6_371_000;

    private final ComplaintProperties.Duplicates rules;

    DuplicateFinder(ComplaintProperties.Duplicates rules) {
        this.rules = rules;
    }

    /** A proposed master and how alike the two reports are. */
    record Candidate(Complaint master, double similarity, @Nullable Double distanceMeters) {
    }

    /** The best candidates among {@code recentOpen}, one page of the open complaints in the window. */
    List<Candidate> candidates(Complaint complaint, List<Complaint> recentOpen) {
        return best(recentOpen.stream()
                .filter(other -> !other.id().equals(complaint.id()))
                .filter(other -> other.category() == complaint.category()
                        || (complaint.enterpriseCode() != null
                        && complaint.enterpriseCode().equals(other.enterpriseCode())))
                .map(other -> candidate(complaint, other))
                .flatMap(Optional::stream));
    }

    /**
     * The best of the candidates found on two pages: the same as if both pages had been compared at once, since
     * the sort is stable and {@code earlier} came first.
     */
    List<Candidate> merge(List<Candidate> earlier, List<Candidate> later) {
        return best(Stream.concat(earlier.stream(), later.stream()));
    }

    private List<Candidate> best(Stream<Candidate> candidates) {
        return candidates.sorted(Comparator.comparingDouble(Candidate::similarity).reversed())
                .limit(rules.maxCandidates())
                .toList();
    }

    private Optional<Candidate> candidate(Complaint complaint, Complaint other) {
        Double distance = null;
        if (complaint.location() != null && other.location() != null) {
            distance = distanceMeters(complaint.location(), other.location());
            if (distance > rules.distanceMeters()) {
                return Optional.empty();
            }
        } else if (!Objects.equals(complaint.district(), other.district())) {
            return Optional.empty();
        }
        double similarity = similarity(complaint.description(), other.description());
        return similarity >= rules.minSimilarity() ? Optional.of(new Candidate(other, similarity, distance))
                : Optional.empty();
    }

    /** Jaccard similarity of character bigrams: works for Chinese text, which has no spaces between words. */
    static double similarity(String a, String b) {
        Set<String> left = bigrams(a);
        Set<String> right = bigrams(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) common.size() / all.size();
    }

    private static Set<String> bigrams(String text) {
        String normalized = text.toLowerCase().replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= normalized.length(); i++) {
            grams.add(normalized.substring(i, i + 2));
        }
        return grams;
    }

    static double distanceMeters(Location a, Location b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
