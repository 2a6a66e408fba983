// SPDX-License-Identifier: Apache-2.0
// best_matching_talks finds, in one match for a group of speakers, exactly the talks a match per
// speaker finds: each speaker's best `limit`, best first, equal weights by talk id. Checked over
// a synthetic corpus against that per-speaker reference, for many queries and speaker groups.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "podium/core/schema.h"

#include "evidence.h"
#include "query_builder.h"
#include "ranked_matches.h"
#include "support/index_fixture.h"
#include "support/synthetic_corpus.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::search {
namespace {

// One match per speaker, ordered as the evidence of a result is.
std::vector<Xapian::docid> reference_best_talks(const Xapian::Database& db,
                                                const Xapian::Query& query,
                                                const std::string& speaker, std::size_t limit) {
  const Xapian::Query talks_of_speaker(Xapian::Query::OP_AND,
                                       Xapian::Query(schema::kind_term(RecordKind::kTalk)),
                                       Xapian::Query(schema::speaker_term(speaker)));
  Xapian::Enquire enquire(db);
  enquire.set_query(filtered_query(query, talks_of_speaker));
  const Xapian::MSet found = enquire.get_mset(0, db.get_doccount());
  std::vector<std::pair<double, std::string>> order;
  std::map<std::string, Xapian::docid> docid_of;
  for (auto it = found.begin(); it != found.end(); ++it) {
    const std::string id = it.get_document().get_value(schema::kSlotId);
    order.emplace_back(-settled(it.get_weight()), id);
    docid_of[id] = *it;
  }
  std::sort(order.begin(), order.end());
  std::vector<Xapian::docid> out;
  for (std::size_t i = 0; i < order.size() && i < limit; ++i) {
    out.push_back(docid_of[order[i].second]);
  }
  return out;
}

TEST(BestMatchingTalks, EqualsOneMatchPerSpeaker) {
  test::TempDir dir;
  const test::SyntheticCorpus corpus =
      test::write_synthetic_corpus(dir.file("corpus.jsonl"), 20261124, 600);
  test::ingest_files(dir.file("db"), {dir.file("corpus.jsonl")});
  const Xapian::Database db(dir.file("db"));

  std::size_t speakers_compared = 0;
  std::size_t with_several_talks = 0;
  for (std::size_t q = 0; q < corpus.queries.size(); q += 5) {
    Result<ParsedQuery> parsed = parse_user_query(db, corpus.queries[q]);
    ASSERT_OK(parsed);
    // Ten speakers per group, a different group for each query; "nobody" has no talks.
    std::vector<std::string> group{"nobody"};
    for (std::size_t s = 0; s < 10; ++s) {
      group.push_back("speaker-" + std::to_string((q * 7 + s * 13) % corpus.speakers));
    }
    for (std::size_t limit : {1u, 3u}) {
      const auto got = best_matching_talks(db, parsed->query, group, limit, false);
      for (const auto& speaker : group) {
        const std::vector<Xapian::docid> want =
            reference_best_talks(db, parsed->query, speaker, limit);
        const auto it = got.find(speaker);
        EXPECT_EQ(it == got.end() ? std::vector<Xapian::docid>{} : it->second, want)
            << corpus.queries[q] << " / " << speaker << " / limit " << limit;
        ++speakers_compared;
        if (want.size() > 1) ++with_several_talks;
      }
      // The remote path (values from the fetched documents) agrees.
      EXPECT_EQ(best_matching_talks(db, parsed->query, group, limit, true), got);
    }
  }
  EXPECT_TRUE(
      best_matching_talks(db, Xapian::Query("zzzunknown"), {"speaker-1"}, 3, false).empty());
  EXPECT_GT(speakers_compared, 500u);
  EXPECT_GT(with_several_talks, 50u) << "the order of a speaker's talks must be exercised";
}

}  // namespace
}  // namespace podium::search
