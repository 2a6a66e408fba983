// SPDX-License-Identifier: Apache-2.0
// Consent in the web UI: a ranking-only self-identification never appears in the bytes of a
// rendered page or its JSON-LD; a public one may. (The API's own check is
// tests/privacy/consent_leak_test.cpp.)
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "profile_page.h"
#include "recommend_page.h"
#include "search_page.h"
#include "speaker_card.h"

namespace podium::http::web {
namespace {

constexpr const char* kGenderCanary = "canary-gender-5b1e";
constexpr const char* kGroupCanary = "canary-group-5b1e";

Speaker speaker_with_self_id(Consent consent, bool consent_given) {
  Speaker s;
  s.id = "casey";
  s.name = "Casey";
  s.headline = "Engineer";
  s.bio = "Bio.";
  s.languages = {"en"};
  SelfId self_id;
  self_id.gender = kGenderCanary;
  self_id.groups = {kGroupCanary};
  self_id.consent = consent;
  self_id.consent_given = consent_given;
  s.self_id = self_id;
  return s;
}

void expect_no_canary(const std::string& bytes) {
  EXPECT_EQ(bytes.find(kGenderCanary), std::string::npos);
  EXPECT_EQ(bytes.find(kGroupCanary), std::string::npos);
}

TEST(ConsentRender, RankingOnlySelfIdNeverReachesAProfilePage) {
  for (bool given : {true, false}) {  // absent consent means ranking
    search::SpeakerProfile profile;
    profile.speaker = speaker_with_self_id(Consent::kRanking, given);
    expect_no_canary(render_profile_page(profile, true));
    expect_no_canary(render_profile_page(profile, false));
    const nlohmann::json ld = person_json_ld(profile);
    EXPECT_FALSE(ld.contains("gender"));
    expect_no_canary(ld.dump());
  }
}

TEST(ConsentRender, RankingOnlySelfIdNeverReachesSearchOrRecommendPages) {
  search::SpeakerHit hit;
  hit.speaker = speaker_with_self_id(Consent::kRanking, true);
  search::SearchResponse response;
  response.total = 1;
  response.results.push_back(hit);
  expect_no_canary(render_search_page(SearchPageState{}, response, true));
  expect_no_canary(render_speaker_card(hit));
  RecommendForm form;
  form.text = "engineering";
  search::LineupResponse lineup;
  search::LineupSpeaker member;
  member.speaker = hit.speaker;
  member.subtopics = {"engineering"};
  lineup.lineup.push_back(member);
  expect_no_canary(
      render_recommend_page(form, std::optional<Result<search::LineupResponse>>(lineup), true));
}

TEST(ConsentRender, PublicSelfIdIsShownOnTheProfileAndInJsonLd) {
  search::SpeakerProfile profile;
  profile.speaker = speaker_with_self_id(Consent::kPublic, true);
  const std::string page = render_profile_page(profile, true);
  EXPECT_NE(page.find(kGenderCanary), std::string::npos);
  EXPECT_NE(page.find(kGroupCanary), std::string::npos);
  const nlohmann::json ld = person_json_ld(profile);
  EXPECT_EQ(ld.value("gender", ""), kGenderCanary);
  EXPECT_EQ(ld.value("@type", ""), "Person");
}

TEST(ConsentRender, CardsNeverShowSelfIdEvenWhenPublic) {
  search::SpeakerHit hit;
  hit.speaker = speaker_with_self_id(Consent::kPublic, true);
  expect_no_canary(render_speaker_card(hit));
}

}  // namespace
}  // namespace podium::http::web
