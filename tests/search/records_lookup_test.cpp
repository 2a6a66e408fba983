// SPDX-License-Identifier: Apache-2.0
// Profiles, talks, community listings and stats.
#include "search/search_fixture.h"

namespace podium::test {
namespace {

using RecordsLookup = SearchFixture;

TEST_F(RecordsLookup, SpeakerProfileHasTalksNewestFirstAndCommunities) {
  auto profile = index_->speaker("amara-okafor");
  ASSERT_OK(profile);
  ASSERT_EQ(profile->talks.size(), 3u);
  EXPECT_EQ(profile->talks[0].id, "t-model-registry-2024");
  EXPECT_EQ(profile->talks[1].id, "t-feature-store-2023");
  EXPECT_EQ(profile->talks[2].id, "t-mlops-2021");
  ASSERT_EQ(profile->communities.size(), 2u);
  ASSERT_TRUE(profile->communities[0].community.has_value());
  EXPECT_EQ(profile->communities[0].community->name, "Women in Data Streams");
}

TEST_F(RecordsLookup, CommunityNotInTheIndexIsListedByIdOnly) {
  auto profile = index_->speaker("zoe-martin");
  ASSERT_OK(profile);
  ASSERT_EQ(profile->communities.size(), 2u);
  EXPECT_EQ(profile->communities[1].id, "not-yet-listed");
  EXPECT_FALSE(profile->communities[1].community.has_value());
}

TEST_F(RecordsLookup, UnknownIdsAreNotFound) {
  EXPECT_EQ(index_->speaker("nobody").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(index_->talk("no-talk").status().code(), StatusCode::kNotFound);
}

TEST_F(RecordsLookup, TalkNamesItsSpeakers) {
  auto talk = index_->talk("t-gpu-2024");
  ASSERT_OK(talk);
  ASSERT_EQ(talk->speakers.size(), 2u);
  EXPECT_EQ(talk->speakers[0].name, "Jonas Weber");
  EXPECT_EQ(talk->speakers[1].name, "Li Wei");
  auto orphan = index_->talk("t-orphan");
  ASSERT_OK(orphan);
  EXPECT_EQ(orphan->speakers[0].name, "");
}

TEST_F(RecordsLookup, CommunitiesFilterByRegionTopicTypeAndTravelGrants) {
  search::CommunityRequest request;
  auto all = index_->communities(request);
  ASSERT_OK(all);
  EXPECT_EQ(all->total, 3u);
  EXPECT_EQ(all->results[0].name, "Berlin MLOps Meetup");  // name order when browsing
  request.travel_grants = true;
  auto grants = index_->communities(request);
  ASSERT_OK(grants);
  EXPECT_EQ(grants->total, 2u);
  request.regions = {"Berlin"};
  request.travel_grants.reset();
  auto berlin = index_->communities(request);
  ASSERT_OK(berlin);
  ASSERT_EQ(berlin->total, 1u);
  EXPECT_EQ(berlin->results[0].id, "berlin-mlops");
  request = {};
  request.types = {"workshop"};
  request.query = "privacy";
  auto workshops = index_->communities(request);
  ASSERT_OK(workshops);
  ASSERT_EQ(workshops->results.size(), 1u);
  EXPECT_EQ(workshops->results[0].id, "privacy-circle");
}

TEST_F(RecordsLookup, StatsCountEachKindAndTheLastCommit) {
  auto stats = index_->stats();
  ASSERT_OK(stats);
  EXPECT_EQ(stats->speakers, 6u);
  EXPECT_EQ(stats->talks, 11u);
  EXPECT_EQ(stats->communities, 3u);
  EXPECT_EQ(stats->last_commit.size(), 20u) << stats->last_commit;  // 2026-11-23T10:00:00Z
}

TEST_F(RecordsLookup, NewCommitsAreVisibleWithoutReopeningTheIndex) {
  ASSERT_EQ(index_->speaker("ghost-speaker").status().code(), StatusCode::kNotFound);
  write_file(dir_.file("ghost.jsonl"),
             R"({"kind": "speaker", "id": "ghost-speaker", "name": "Gus Host"})"
             "\n");
  ingest_files(db_dir(), {dir_.file("ghost.jsonl")});
  auto ghost = index_->speaker("ghost-speaker");
  ASSERT_OK(ghost);
  // The orphaned talk attached when its speaker arrived.
  ASSERT_EQ(ghost->talks.size(), 1u);
  EXPECT_EQ(ghost->talks[0].id, "t-orphan");
  search::SearchRequest request;
  request.query = "quantum annealing";
  auto found = index_->search(request);
  ASSERT_OK(found);
  ASSERT_EQ(found->results.size(), 1u);
  EXPECT_EQ(found->results[0].speaker.id, "ghost-speaker");
}

}  // namespace
}  // namespace podium::test
