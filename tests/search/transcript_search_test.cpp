// SPDX-License-Identifier: Apache-2.0
// Transcripts in search: a word said only in a talk's transcript finds the speaker, and the
// evidence points at the moment (time, video link at that time); transcripts stay out of the
// speaker profile document and out of the profile's talk list.
#include <memory>
#include <string>
#include <vector>

#include "podium/search/response_json.h"

#include "search/search_fixture.h"

namespace podium::test {
namespace {

// Each speaker has one talk; a rare word is said at a known moment of its transcript.
constexpr const char* kCorpus = R"(
{"kind": "speaker", "id": "ada", "name": "Ada Lovelace", "bio": "Engines and poetry."}
{"kind": "speaker", "id": "grace", "name": "Grace Hopper", "bio": "Ships and languages."}
{"kind": "speaker", "id": "alan", "name": "Alan Turing", "bio": "Machines."}
{"kind": "speaker", "id": "katherine", "name": "Katherine Johnson", "bio": "Orbits."}
{"kind": "talk", "id": "t-ada", "title": "Notes on the engine", "abstract": "What an engine can do.", "speakers": ["ada"], "video": "https://www.youtube.com/watch?v=abc123", "transcript": [{"start": 2, "text": "Welcome everyone."}, {"start": 761.5, "text": "Now the Bernoulli numbers, computed by the engine."}, {"start": 800, "text": "Thank you."}]}
{"kind": "talk", "id": "t-grace", "title": "Ships at sea", "speakers": ["grace"], "video": "https://youtu.be/xyz", "transcript": [{"start": 3723.9, "text": "A compiler translates for us."}]}
{"kind": "talk", "id": "t-alan", "title": "Thinking machines", "speakers": ["alan"], "video": "https://vimeo.com/12345", "transcript": [{"start": 65, "text": "Enigma was a cipher machine."}]}
{"kind": "talk", "id": "t-kat", "title": "Orbits", "speakers": ["katherine"], "video": "https://example.org/orbits.mp4", "transcript": [{"start": 5, "text": "The trajectory was computed by hand."}]}
{"kind": "talk", "id": "t-kat-2", "title": "Trajectory of a career", "speakers": ["katherine"], "transcript": [{"start": 9, "text": "A trajectory again."}]}
)";

class TranscriptSearch : public SearchFixture {
 protected:
  std::vector<std::string> corpus_files() override { return written_corpus(kCorpus); }

  // The only hit's first evidence item, checking that `speaker` is that hit.
  search::Evidence only_evidence(const std::string& query, const std::string& speaker) {
    const search::SearchResponse response = search(query);
    EXPECT_EQ(response.results.size(), 1u) << query;
    if (response.results.empty()) return {};
    EXPECT_EQ(response.results[0].speaker.id, speaker) << query;
    EXPECT_FALSE(response.results[0].evidence.empty()) << query;
    if (response.results[0].evidence.empty()) return {};
    return response.results[0].evidence[0];
  }
};

TEST_F(TranscriptSearch, WordOnlyInTheTranscriptFindsTheSpeakerAtTheMoment) {
  const search::Evidence e = only_evidence("bernoulli", "ada");
  EXPECT_EQ(e.kind, "talk");
  EXPECT_EQ(e.talk_id, "t-ada");
  EXPECT_EQ(e.time, "12:41");
  EXPECT_EQ(e.video_at, "https://www.youtube.com/watch?v=abc123&t=761s");
  EXPECT_NE(e.snippet.find("<mark>Bernoulli</mark>"), std::string::npos) << e.snippet;
  EXPECT_EQ(e.matched_words, std::vector<std::string>{"bernoulli"});

  // The evidence JSON carries both.
  const nlohmann::json hit = search::to_json(search("bernoulli").results.at(0));
  EXPECT_EQ(hit["evidence"][0]["time"], "12:41");
  EXPECT_EQ(hit["evidence"][0]["video_at"], "https://www.youtube.com/watch?v=abc123&t=761s");
}

TEST_F(TranscriptSearch, VideoLinksAtTheMomentPerHost) {
  search::Evidence e = only_evidence("compiler", "grace");
  EXPECT_EQ(e.time, "1:02:03");
  EXPECT_EQ(e.video_at, "https://youtu.be/xyz?t=3723");
  e = only_evidence("enigma", "alan");
  EXPECT_EQ(e.time, "1:05");
  EXPECT_EQ(e.video_at, "https://vimeo.com/12345#t=65s");
  e = only_evidence("hand", "katherine");
  EXPECT_EQ(e.time, "0:05");
  EXPECT_EQ(e.video_at, "");  // a host without a time link
  const nlohmann::json hit = search::to_json(search("hand").results.at(0));
  EXPECT_TRUE(hit["evidence"][0]["video_at"].is_null());
}

TEST_F(TranscriptSearch, TitleMatchesNeedNoTime) {
  const search::SearchResponse response = search("trajectory");
  ASSERT_EQ(response.results.size(), 1u);
  bool title_evidence = false;
  for (const auto& e : response.results[0].evidence) {
    if (e.talk_id == "t-kat-2") {
      title_evidence = true;
      EXPECT_EQ(e.time, "");
      EXPECT_EQ(e.video_at, "");
      const nlohmann::json hit = search::to_json(response.results[0]);
      EXPECT_TRUE(hit["evidence"][0].contains("time"));
    }
  }
  EXPECT_TRUE(title_evidence);
}

TEST_F(TranscriptSearch, TranscriptFieldPrefix) {
  EXPECT_EQ(search("transcript:enigma").results.size(), 1u);
  EXPECT_TRUE(search("transcript:thinking").results.empty());  // a title word, not said
  EXPECT_EQ(search("title:thinking").results.size(), 1u);
}

TEST_F(TranscriptSearch, ProfileListsTalksWithoutTranscriptTalkPageHasIt) {
  auto profile = index_->speaker("ada");
  ASSERT_OK(profile);
  const nlohmann::json profile_json = search::to_json(*profile);
  ASSERT_EQ(profile_json["talks"].size(), 1u);
  EXPECT_FALSE(profile_json["talks"][0].contains("transcript"));
  EXPECT_EQ(profile_json["talks"][0]["has_transcript"], true);

  auto talk = index_->talk("t-ada");
  ASSERT_OK(talk);
  const nlohmann::json talk_json = search::to_json(*talk);
  ASSERT_EQ(talk_json["transcript"].size(), 3u);
  EXPECT_EQ(talk_json["transcript"][1]["start"], 761.5);
}

}  // namespace
}  // namespace podium::test
