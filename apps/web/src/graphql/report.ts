import { graphql } from '../gql';

export const ReportCaseworkFields = graphql(`
  fragment ReportCaseworkFigures on CaseworkFigures {
    label
    from
    to
    cases { area opened { value suppressed display } closed { value suppressed display } erased { value suppressed display } }
    handovers {
      fromOrganisationId
      fromOrganisationName
      toOrganisationId
      toOrganisationName
      requested { value suppressed display }
      accepted { value suppressed display }
      declined { value suppressed display }
      completed { value suppressed display }
      medianHoursToAccept
    }
    consentsByForm { form recorded { value suppressed display } withdrawn { value suppressed display } }
    consentsByLanguage { language recorded { value suppressed display } }
    consentsByInterpreter { interpreterUsed recorded { value suppressed display } }
  }
`);

export const AllianceReportQuery = graphql(`
  query AllianceReport($allianceId: ID!, $from: Date!, $to: Date!) {
    allianceReport(allianceId: $allianceId, from: $from, to: $to) {
      allianceId
      allianceName
      from
      to
      goals {
        goalId
        title
        indicators {
          indicatorId
          name
          unit
          baseline
          target
          latestValue
          progress
          measurements { observedOn value }
        }
      }
      tasksByPartner {
        partnerId
        organisationName
        asLead { created done overdue cancelled }
        asContributor { created done overdue cancelled }
      }
      tasksByGoal { goalId goalTitle counts { created done overdue cancelled } }
      taskTotals { created done overdue cancelled }
      meetings { meetingId title kind startsAt invitedPartners presentPartners quorumReached }
      attendance { partnerId organisationName invited present rate }
      decisions { decisionId number title outcome followUpTasks { title status } }
      casework {
        minimumCount
        unpublishedQuarters
        quarters { ...ReportCaseworkFigures }
        total { ...ReportCaseworkFigures }
      }
      ownOrganisationCasework {
        total { ...ReportCaseworkFigures }
      }
    }
  }
`);
