package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintAccepted;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintClosed;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintDispatched;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintEscalated;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintExtended;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintFollowedUp;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintHandled;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintLinked;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintPaused;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintRegistered;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintReplied;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintResumed;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintReturned;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintSubstantiated;
import gov.envgov.support.events.PublishedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The complaint events are a contract other services consume: their type names and fields never change. */
class ComplaintEventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ID = UUID.fromString("7d6c1f7e-2b1a-4c51-9a8e-0d3f5c2a9b10");
    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 3, 23);

    private static List<String> fields(PublishedEvent event) {
        JsonNode node = JSON.valueToTree(event);
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static void assertContract(PublishedEvent event, String type, String... fields) {
        assertThat(event.eventType()).isEqualTo(type);
        assertThat(event.aggregateType()).isEqualTo("Complaint");
        assertThat(event.aggregateId()).isEqualTo(ID.toString());
        assertThat(fields(event)).containsExactlyInAnyOrder(fields);
    }

    @Test
    void everyEventKeepsItsTypeNameAndFieldsOnTheFeed() {
        assertContract(new ComplaintRegistered(ID, "HB20260302-ABCDEFGH", Channel.WEB, Category.AIR, "兴隆台区",
                "91211103MA0GA0001Y", AT), "ComplaintRegistered",
                "complaintId", "trackingCode", "channel", "category", "district", "enterpriseCode", "registeredAt");
        assertContract(new ComplaintDispatched(ID, "unit", AT), "ComplaintDispatched", "complaintId", "unit", "at");
        assertContract(new ComplaintAccepted(ID, "unit", AT), "ComplaintAccepted", "complaintId", "unit", "at");
        assertContract(new ComplaintReturned(ID, "unit", "reason", AT), "ComplaintReturned",
                "complaintId", "unit", "reason", "at");
        assertContract(new ComplaintHandled(ID, "unit", true, AT), "ComplaintHandled",
                "complaintId", "unit", "substantiated", "at");
        assertContract(new ComplaintSubstantiated(ID, "91211103MA0GA0001Y", Category.AIR, "兴隆台区", "findings", AT),
                "ComplaintSubstantiated", "complaintId", "enterpriseCode", "category", "district", "findings", "at");
        assertContract(new ComplaintReplied(ID, AT), "ComplaintReplied", "complaintId", "at");
        assertContract(new ComplaintFollowedUp(ID, Satisfaction.SATISFIED, true, false, AT), "ComplaintFollowedUp",
                "complaintId", "satisfaction", "solved", "reopened", "at");
        assertContract(new ComplaintClosed(ID, AT), "ComplaintClosed", "complaintId", "at");
        assertContract(new ComplaintLinked(ID, UUID.randomUUID(), AT), "ComplaintLinked",
                "complaintId", "masterId", "at");
        assertContract(new ComplaintPaused(ID, "unit", AT), "ComplaintPaused", "complaintId", "unit", "at");
        assertContract(new ComplaintResumed(ID, DUE, AT), "ComplaintResumed", "complaintId", "dueDate", "at");
        assertContract(new ComplaintExtended(ID, DUE, "reason", AT), "ComplaintExtended",
                "complaintId", "dueDate", "reason", "at");
        assertContract(new ComplaintEscalated(ID, "unit", EscalationLevel.REMINDER, DUE, AT), "ComplaintEscalated",
                "complaintId", "unit", "level", "dueDate", "at");
        assertContract(new ComplaintEvent.ComplaintReopened(ID, "unit", 1, DUE, AT), "ComplaintReopened",
                "complaintId", "unit", "round", "dueDate", "at");
        assertContract(new ComplaintEvent.ComplaintDueDateChanged(ID, DUE.minusDays(6), DUE, 2026, AT),
                "ComplaintDueDateChanged", "complaintId", "previousDueDate", "dueDate", "calendarYear", "at");
        assertContract(new ComplaintEvent.ComplaintExtensionRequested(ID, ID, "unit", 5, AT),
                "ComplaintExtensionRequested", "complaintId", "requestId", "unit", "workingDays", "at");
        assertContract(new ComplaintEvent.ComplaintExtensionRefused(ID, ID, AT), "ComplaintExtensionRefused",
                "complaintId", "requestId", "at");
        assertContract(new ComplaintEvent.ComplaintDistrictCorrected(ID, "兴隆台区", "大洼区", AT),
                "ComplaintDistrictCorrected", "complaintId", "previousDistrict", "district", "at");
    }

    @Test
    void everyKindOfEventIsCovered() {
        assertThat(ComplaintEvent.class.getPermittedSubclasses()).hasSize(19);
    }

    @Test
    void valuesAreWrittenAsTheirIsoAndEnumNames() {
        JsonNode escalated = JSON.valueToTree(new ComplaintEscalated(ID, "unit", EscalationLevel.SUPERVISION, DUE,
                AT));
        assertThat(escalated.get("complaintId").asString()).isEqualTo(ID.toString());
        assertThat(escalated.get("level").asString()).isEqualTo("SUPERVISION");
        assertThat(escalated.get("dueDate").asString()).isEqualTo("2026-03-23");
        assertThat(escalated.get("at").asString()).isEqualTo("2026-03-02T02:00:00Z");
    }
}
