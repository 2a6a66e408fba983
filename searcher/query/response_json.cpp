// SPDX-License-Identifier: Apache-2.0
// Response rendering. Keys a client relies on are always present (null or empty when unknown).
#include "podium/search/response_json.h"

#include "podium/core/record_json.h"

namespace podium::search {
namespace {

using nlohmann::json;

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// The speaker fields every listing shows, in the public form.
json speaker_summary(const Speaker& speaker) {
  json full = podium::to_json(speaker, SelfIdOutput::kPublicOnly);
  json out = {{"id", speaker.id},
              {"name", speaker.name},
              {"pronouns", text_or_null(speaker.pronouns)},
              {"headline", text_or_null(speaker.headline)},
              {"affiliation", text_or_null(speaker.affiliation)},
              {"location", full.value("location", json(nullptr))},
              {"languages", speaker.languages},
              {"formats", speaker.formats},
              {"topics", speaker.topics},
              {"remote", speaker.remote ? json(*speaker.remote) : json(nullptr)},
              {"links", full.value("links", json::object())}};
  if (full.contains("self_id")) out["self_id"] = full["self_id"];
  return out;
}

json evidence_json(const Evidence& e) {
  json out = {{"kind", e.kind}, {"snippet", e.snippet}, {"matched_words", e.matched_words}};
  if (e.kind == "talk") {
    out["talk_id"] = e.talk_id;
    out["title"] = e.title;
    out["matched_tags"] = e.matched_tags;
    out["date"] = text_or_null(e.date);
    out["url"] = text_or_null(e.url);
    out["video"] = text_or_null(e.video);
    out["slides"] = text_or_null(e.slides);
    out["time"] = text_or_null(e.time);
    out["video_at"] = text_or_null(e.video_at);
  }
  return out;
}

json explanation_json(const Explanation& explanation) {
  json talks = json::array();
  for (const auto& t : explanation.talks) {
    talks.push_back({{"talk_id", t.talk_id},
                     {"weight", t.weight},
                     {"contribution", t.contribution},
                     {"matched_terms", t.matched_terms}});
  }
  return {{"profile_score", explanation.profile_score},
          {"talk_score", explanation.talk_score},
          {"named", explanation.named},
          {"profile_terms", explanation.profile_terms},
          {"talks", talks}};
}

json community_json(const Community& community) { return podium::to_json(community); }

// A talk in a list: without its transcript, which can be megabytes; `has_transcript` says
// whether GET /v1/talks/{id} has one.
json talk_summary(const Talk& talk) {
  json out = podium::to_json(talk);
  if (out.erase("transcript") > 0) out["has_transcript"] = true;
  return out;
}

// Consent: aggregates only. Regions, experience and affiliations are public data; gender and
// group counts come from speakers whose consent is public. Minimums say met or infeasible and
// never echo the requested values (tests/privacy/diversity_consent_test.cpp).
json diversity_json(const DiversitySummary& summary) {
  json minimums = json::array();
  for (const auto& m : summary.minimums) {
    minimums.push_back(
        {{"field", m.field}, {"share", m.share}, {"status", m.met ? "met" : "infeasible"}});
  }
  return {{"dimensions", summary.dimensions},
          {"page",
           {{"regions", summary.regions},
            {"experience", summary.experience},
            {"affiliations", summary.affiliations},
            {"public_self_id",
             {{"gender", summary.public_genders}, {"groups", summary.public_groups}}}}},
          {"min_share", minimums}};
}

}  // namespace

json to_json(const SpeakerHit& hit) {
  json out = speaker_summary(hit.speaker);
  out["score"] = hit.score;
  out["talk_count"] = hit.talk_count;
  json evidence = json::array();
  for (const auto& e : hit.evidence) evidence.push_back(evidence_json(e));
  out["evidence"] = evidence;
  if (hit.explanation) out["explain"] = explanation_json(*hit.explanation);
  return out;
}

json to_json(const SearchResponse& response) {
  json results = json::array();
  for (const auto& hit : response.results) results.push_back(to_json(hit));
  json facets = json::object();
  for (const auto& [field, counts] : response.facets) {
    json values = json::array();
    for (const auto& c : counts) values.push_back({{"value", c.value}, {"count", c.count}});
    facets[field] = values;
  }
  json out = {{"query", response.query},
              {"total", response.total},
              {"counts_exact", response.counts_exact},
              {"results", results},
              {"facets", facets}};
  if (!response.did_you_mean.empty()) out["did_you_mean"] = response.did_you_mean;
  if (response.diversity) out["diversity"] = diversity_json(*response.diversity);
  if (!response.missing_shards.empty()) {
    out["partial"] = true;
    out["missing_shards"] = response.missing_shards;
  }
  return out;
}

json to_json(const SpeakerProfile& profile) {
  json out = speaker_summary(profile.speaker);
  out["bio"] = text_or_null(profile.speaker.bio);
  out["travel"] = text_or_null(profile.speaker.travel);
  out["updated"] = text_or_null(profile.speaker.updated);
  out["talk_count"] = profile.talks.size();
  json talks = json::array();
  for (const auto& talk : profile.talks) talks.push_back(talk_summary(talk));
  out["talks"] = talks;
  json communities = json::array();
  for (const auto& ref : profile.communities) {
    communities.push_back(ref.community ? community_json(*ref.community)
                                        : json{{"id", ref.id}, {"name", nullptr}});
  }
  out["communities"] = communities;
  return out;
}

json to_json(const TalkView& view) {
  json out = podium::to_json(view.talk);
  out.erase("kind");
  json speakers = json::array();
  for (const auto& ref : view.speakers) {
    speakers.push_back({{"id", ref.id}, {"name", text_or_null(ref.name)}});
  }
  out["speakers"] = speakers;
  return out;
}

json to_json(const CommunityPage& page) {
  json results = json::array();
  for (const auto& community : page.results) {
    json c = community_json(community);
    c.erase("kind");
    results.push_back(c);
  }
  return {{"total", page.total}, {"results", results}};
}

json to_json(const IndexStats& stats) {
  return {
      {"status", "ok"},
      {"documents",
       {{"speakers", stats.speakers}, {"talks", stats.talks}, {"communities", stats.communities}}},
      {"last_commit", text_or_null(stats.last_commit)},
      {"revision", stats.revision}};
}

json to_json(const SimilarResponse& response) {
  json results = json::array();
  for (const auto& hit : response.results) {
    json out = speaker_summary(hit.speaker);
    out["score"] = hit.score;
    out["talk_count"] = hit.talk_count;
    out["why"] = {{"shared_topics", hit.shared_topics}, {"shared_terms", hit.shared_terms}};
    results.push_back(std::move(out));
  }
  return {{"id", response.id}, {"terms", response.terms}, {"results", results}};
}

// Consent: the lineup's speakers in their public form, reasons from public text only, and the
// diversity summary as in search (aggregates, public self_id only).
json to_json(const LineupResponse& response) {
  json subtopics = json::array();
  for (const auto& s : response.subtopics) {
    subtopics.push_back({{"label", s.label}, {"weight", s.weight}, {"talk_ids", s.talk_ids}});
  }
  json lineup = json::array();
  for (const auto& member : response.lineup) {
    json out = speaker_summary(member.speaker);
    out["relevance"] = member.relevance;
    out["talk_count"] = member.talk_count;
    json evidence = json::array();
    for (const auto& e : member.evidence) evidence.push_back(evidence_json(e));
    out["why"] = {{"subtopics", member.subtopics},
                  {"new_subtopics", member.new_subtopics},
                  {"evidence", evidence}};
    lineup.push_back(std::move(out));
  }
  json communities = json::array();
  for (const auto& suggestion : response.communities) {
    json out = community_json(suggestion.community);
    // Always present: whether the listing offers travel grants is what an organiser asks first.
    out["travel_grants"] = suggestion.community.travel_grants
                               ? json(*suggestion.community.travel_grants)
                               : json(nullptr);
    out["why"] = {{"topics", suggestion.matched_topics}, {"regions", suggestion.matched_regions}};
    communities.push_back(std::move(out));
  }
  json out = {{"terms", response.terms},
              {"subtopics", subtopics},
              {"lineup", lineup},
              {"candidates", response.candidates},
              {"communities", communities}};
  if (response.diversity) out["diversity"] = diversity_json(*response.diversity);
  return out;
}

}  // namespace podium::search
