// SPDX-License-Identifier: Apache-2.0
// "More like this" for speakers (RANKING.md §3, RSet/ESet): the speaker's profile and talk
// documents form the relevance set, Xapian's expand set gives the words that set is about, and
// those words, weighted by their expand weight, rank the other speakers' profiles.
#include "similar_speakers.h"

#include <algorithm>
#include <map>

#include "podium/core/schema.h"
#include "podium/core/stored_records.h"

#include "content_terms.h"

namespace podium::search {
namespace {

// Enough words to describe a speaker's field without drifting into one talk's details.
constexpr Xapian::termcount kExpansionTerms = 25;

}  // namespace

Result<SimilarResponse> similar_speakers(const Xapian::Database& db,
                                         const SimilarRequest& request) {
  const Xapian::docid profile = speaker_docid(db, request.id);
  if (profile == 0) return Status::not_found("no speaker with id '" + request.id + "'");

  Xapian::RSet rset;
  rset.add_document(profile);
  for (Xapian::docid talk : talk_docids(db, request.id)) rset.add_document(talk);
  Xapian::Enquire feedback(db);
  feedback.set_query(Xapian::Query(schema::unique_term(RecordKind::kSpeaker, request.id)));
  // The speaker's name is in their bio and talks' text, but it is not expertise.
  Result<Speaker> self = stored_speaker(db.get_document(profile).get_data());
  const ContentWordDecider content(
      db, self.is_ok() ? indexed_words(self->name) : std::set<std::string>{});
  const Xapian::ESet eset = feedback.get_eset(kExpansionTerms, rset, &content);

  SimilarResponse response;
  response.id = request.id;
  if (eset.empty()) return response;
  std::vector<Xapian::Query> words;
  std::map<std::string, std::size_t> word_rank;
  const double top_weight = eset.begin().get_weight();
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    word_rank.emplace(*it, response.terms.size());
    response.terms.push_back(*it);
    words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                       top_weight > 0 ? it.get_weight() / top_weight : 1.0);
  }

  const Xapian::Query similar(Xapian::Query::OP_OR, words.begin(), words.end());
  Xapian::Enquire enquire(db);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT,
                    Xapian::Query(Xapian::Query::OP_FILTER, similar,
                                  Xapian::Query(schema::kind_term(RecordKind::kSpeaker))),
                    Xapian::Query(schema::unique_term(RecordKind::kSpeaker, request.id))));
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.0, 0, 1, 0.5, 0.5));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.k));
  const double max_weight = mset.empty() ? 1.0 : mset.get_max_attained();

  const std::set<std::string> own_topics = speaker_topics(db, profile, request.id);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    SimilarSpeaker hit;
    Result<Speaker> speaker = stored_speaker(doc.get_data());
    if (!speaker.is_ok()) continue;
    hit.speaker = std::move(speaker).value();
    hit.score = max_weight > 0 ? it.get_weight() / max_weight : 0;
    const std::string count = doc.get_value(schema::kSlotTalkCount);
    hit.talk_count = count.empty() ? 0 : std::stoul(count);
    const std::set<std::string> topics = speaker_topics(db, *it, hit.speaker.id);
    std::set_intersection(own_topics.begin(), own_topics.end(), topics.begin(), topics.end(),
                          std::back_inserter(hit.shared_topics));
    for (auto term = enquire.get_matching_terms_begin(it);
         term != enquire.get_matching_terms_end(it); ++term) {
      if (word_rank.count(*term)) hit.shared_terms.push_back(*term);
    }
    // In the order of the expand set: the words most typical of the start speaker first.
    std::sort(
        hit.shared_terms.begin(), hit.shared_terms.end(),
        [&](const std::string& a, const std::string& b) { return word_rank[a] < word_rank[b]; });
    response.results.push_back(std::move(hit));
  }
  return response;
}

}  // namespace podium::search
