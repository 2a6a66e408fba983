// SPDX-License-Identifier: Apache-2.0
// Speaker ranking. Two retrieval runs over one query (RANKING.md §1, §4.1):
//  - the profile run scores speaker documents (the candidate model) and, counting the matching
//    speakers (exactly up to RankingParams::exact_count_limit), gives the total and the facets;
//  - the talk run scores talk documents (the document model); each speaker's best few talks
//    vote for them, with a cap so the prolific do not win on volume alone.
// The two are fused linearly after max-normalisation.
#include "speaker_search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "podium/core/schema.h"
#include "podium/core/stable_hash.h"
#include "podium/core/stored_records.h"

#include "diversity_search.h"
#include "evidence.h"
#include "facet_counter.h"
#include "named_speakers.h"
#include "query_builder.h"
#include "ranked_matches.h"
#include "slot_reader.h"
#include "synonyms.h"

namespace podium::search {
namespace {

constexpr std::size_t kFacetValuesShown = 20;
constexpr std::size_t kEvidencePerResult = 3;

struct Candidate {
  Xapian::docid profile_docid = 0;
  double profile = 0;
  std::vector<std::pair<double, Xapian::docid>> talk_votes;  // (weight, talk docid), best first
  double talk = 0;
  double fused = 0;
  bool named = false;  // the query names this speaker in full
  std::string id;
};

// The query as ranked: the parsed text, a spelling correction OR-ed in (a misspelled word
// matches nothing, so the correction carries the query), synonym expansions at a lower weight,
// and field boosts that add weight where a query word is in a title, tag or name. The boosts
// are AND_MAYBE so they never change what matches, only the order.
Xapian::Query expand_query(const Xapian::Database& db, const std::string& text,
                           const ParsedQuery& parsed, const RankingParams& params,
                           const Synonyms& synonyms) {
  Xapian::Query query = parsed.query;
  if (params.spelling_fallback && !parsed.did_you_mean.empty()) {
    Result<ParsedQuery> corrected = parse_user_query(db, parsed.did_you_mean);
    if (corrected.is_ok()) query = Xapian::Query(Xapian::Query::OP_OR, query, corrected->query);
  }
  const std::vector<std::string> expansions = synonyms.expansions(query_words(text));
  if (!expansions.empty() && params.synonym_weight > 0) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& expansion : expansions) {
      Result<ParsedQuery> alternative = parse_user_query(db, "\"" + expansion + "\"");
      if (alternative.is_ok() && !alternative->query.empty()) {
        alternatives.push_back(alternative->query);
      }
    }
    if (!alternatives.empty()) {
      query = Xapian::Query(Xapian::Query::OP_OR, query,
                            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                          Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(),
                                                        alternatives.end()),
                                          params.synonym_weight));
    }
  }
  struct Boost {
    const char* prefix;
    double weight;
  };
  const Boost boosts[] = {{schema::kTitle, params.title_weight},
                          {schema::kTags, params.tags_weight},
                          {schema::kAbstract, params.abstract_weight},
                          {schema::kHeadline, params.headline_weight},
                          {schema::kName, params.name_weight}};
  std::vector<Xapian::Query> boost_queries;
  for (const auto& boost : boosts) {
    if (boost.weight <= 0) continue;
    std::vector<Xapian::Query> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      const std::string term = *it;
      // Plain words and their stems only ("Z" + stem); prefixed and boolean terms are not
      // text of any field.
      const bool stemmed = term.size() > 1 && term[0] == 'Z';
      const char first = stemmed ? term[1] : term[0];
      if (term.empty() || std::isupper(static_cast<unsigned char>(first))) continue;
      terms.emplace_back((stemmed ? "Z" : "") + std::string(boost.prefix) +
                         term.substr(stemmed ? 1 : 0));
    }
    if (terms.empty()) continue;
    boost_queries.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                               boost.weight);
  }
  if (!boost_queries.empty() && !query.empty()) {
    query = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, query,
        Xapian::Query(Xapian::Query::OP_OR, boost_queries.begin(), boost_queries.end()));
  }
  return query;
}

std::string newest_date(const std::vector<RetrievedDoc>& talks) {
  std::string newest;
  for (const auto& talk : talks)
    newest = std::max(newest, talk.document.get_value(schema::kSlotDate));
  return newest;
}

// 1 + w * 2^(-age / half-life), age in years before the newest retrieved talk: a mild prior
// for recent work, relative to the data so results do not drift with the calendar.
double recency_factor(const std::string& date, const std::string& newest,
                      const RankingParams& params) {
  if (params.recency_weight <= 0 || date.size() < 4 || newest.size() < 4) return 1.0;
  const auto years = [](const std::string& d) {
    const double year = std::stod(d.substr(0, 4));
    const double month = d.size() >= 7 ? std::stod(d.substr(5, 2)) : 6;
    return year + (month - 1) / 12.0;
  };
  const double age = std::max(0.0, years(newest) - years(date));
  return 1.0 + params.recency_weight * std::exp2(-age / params.recency_half_life_years);
}

SpeakerHit make_hit(const Xapian::Document& doc, double score) {
  SpeakerHit hit;
  Result<Speaker> speaker = stored_speaker(doc.get_data());
  if (speaker.is_ok()) hit.speaker = std::move(speaker).value();
  hit.score = score;
  const std::string count = doc.get_value(schema::kSlotTalkCount);
  hit.talk_count = count.empty() ? 0 : std::stoul(count);
  return hit;
}

Result<SearchResponse> browse(Xapian::Database& db, const SearchRequest& request,
                              const Xapian::Query& filter, const SearchBackend& backend) {
  SearchResponse response;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(schema::kind_term(RecordKind::kSpeaker)), filter));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  FacetCounter spy(db, backend.remote, db.get_doccount());
  spy.attach(enquire);
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  const std::uint64_t seed = request.seed.value_or(day_seed());
  std::vector<std::pair<std::uint64_t, Xapian::docid>> order;
  order.reserve(all.size());
  for (auto it = all.begin(); it != all.end(); ++it) {
    order.emplace_back(stable_hash(seed, it.get_document().get_value(schema::kSlotId)), *it);
  }
  std::sort(order.begin(), order.end());
  response.total = order.size();
  const auto first = static_cast<std::size_t>(request.offset);
  for (std::size_t i = first; i < order.size() && i < first + static_cast<std::size_t>(request.k);
       ++i) {
    response.results.push_back(make_hit(db.get_document(order[i].second), 0));
  }
  response.facets = spy.top(kFacetValuesShown, all.get_matches_estimated());
  return response;
}

// Whether one of `c`'s voting talks matched a term that `profile` does not have (a transcript
// word, an event-only term), so the talk vote stands without a matching profile.
bool talk_only_match(const Xapian::Enquire& talks, const Xapian::Query& text, const Candidate& c,
                     const Xapian::Document& profile) {
  const std::set<std::string> text_terms(text.get_terms_begin(), text.get_terms_end());
  for (const auto& vote : c.talk_votes) {
    for (auto term = talks.get_matching_terms_begin(vote.second);
         term != talks.get_matching_terms_end(vote.second); ++term) {
      if (!text_terms.contains(*term)) continue;  // the kind filter, not the user's words
      Xapian::TermIterator has = profile.termlist_begin();
      has.skip_to(*term);
      if (has == profile.termlist_end() || *has != *term) return true;
    }
  }
  return false;
}

std::unique_ptr<Xapian::Weight> weighting_scheme(const RankingParams& params) {
  if (params.weighting == "bm25+") {
    return std::make_unique<Xapian::BM25PlusWeight>(params.bm25_k1, 0, 1, params.bm25_b, 0.5, 1.0);
  }
  if (params.weighting == "dph") return std::make_unique<Xapian::DPHWeight>();
  if (params.weighting == "dlh") return std::make_unique<Xapian::DLHWeight>();
  if (params.weighting == "pl2") return std::make_unique<Xapian::PL2Weight>(params.dfr_c);
  if (params.weighting == "inl2") return std::make_unique<Xapian::InL2Weight>(params.dfr_c);
  return std::make_unique<Xapian::BM25Weight>(params.bm25_k1, 0, 1, params.bm25_b, 0.5);
}

}  // namespace

Result<SearchResponse> search_speakers(Xapian::Database& db, const SearchRequest& request,
                                       const Synonyms& synonyms, const SearchBackend& backend) {
  Result<Xapian::Query> filter = speaker_filter_query(request.filters);
  if (!filter.is_ok()) return filter.status();
  if (request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return browse(db, request, *filter, backend);
  }
  const bool baseline = request.model == RankingModel::kProfileBm25;
  const Xapian::Database& query_db = backend.query_db ? *backend.query_db : db;
  Result<ParsedQuery> parsed = parse_user_query(query_db, request.query, !baseline);
  if (!parsed.is_ok()) return parsed.status();
  SearchResponse response;
  response.query = request.query;
  response.did_you_mean = parsed->did_you_mean;
  const RankingParams& params = request.params;
  // The baseline is plain Xapian: the parsed query as it is, BM25 with default parameters.
  const Xapian::Query text =
      baseline ? parsed->query : expand_query(query_db, request.query, *parsed, params, synonyms);
  const std::unique_ptr<Xapian::Weight> weighting = weighting_scheme(params);
  const Xapian::Weight& weight_scheme = *weighting;

  // Profile run: every matching speaker, for the total and the facets.
  Xapian::Enquire profiles(db);
  profiles.set_query(filtered_query(
      text, Xapian::Query(Xapian::Query::OP_AND,
                          Xapian::Query(schema::kind_term(RecordKind::kSpeaker)), *filter)));
  if (request.model == RankingModel::kProfileBm25) {
    profiles.set_weighting_scheme(Xapian::BM25Weight());
  } else {
    profiles.set_weighting_scheme(weight_scheme);
  }
  const Xapian::doccount count_up_to = std::min(
      db.get_doccount(), static_cast<Xapian::doccount>(std::max(0, params.exact_count_limit)));
  FacetCounter spy(db, backend.remote, count_up_to);
  spy.attach(profiles);
  const auto depth =
      std::max<Xapian::doccount>(static_cast<Xapian::doccount>(params.profile_depth),
                                 static_cast<Xapian::doccount>(request.offset + request.k));
  const Xapian::MSet profile_mset = fetch_with_ties(profiles, depth, count_up_to, backend.remote);
  response.total = profile_mset.get_matches_estimated();
  response.facets = spy.top(kFacetValuesShown, profile_mset.get_matches_estimated());
  response.counts_exact =
      profile_mset.get_matches_lower_bound() == profile_mset.get_matches_upper_bound() &&
      spy.counted_all();

  std::unordered_map<std::string, Candidate> candidates;
  const double profile_max = profile_mset.empty() ? 1.0 : profile_mset.get_max_attained();
  for (const RetrievedDoc& profile :
       matches_best_first(db, profile_mset, depth, true, backend.remote)) {
    Candidate& c = candidates[profile.id];
    c.profile_docid = profile.docid;
    c.profile = profile.weight / profile_max;
  }

  Xapian::Enquire talks(db);
  Xapian::MSet talk_mset;
  if (request.model == RankingModel::kFused) {
    talks.set_query(filtered_query(text, Xapian::Query(schema::kind_term(RecordKind::kTalk))));
    talks.set_weighting_scheme(weight_scheme);
    const auto talk_depth = static_cast<Xapian::doccount>(params.talk_depth);
    talk_mset = fetch_with_ties(talks, talk_depth, 0, backend.remote);
    const double talk_max = talk_mset.empty() ? 1.0 : talk_mset.get_max_attained();
    const std::vector<RetrievedDoc> best_talks =
        matches_best_first(db, talk_mset, talk_depth, false, backend.remote);
    std::vector<Xapian::docid> talk_docids;
    std::vector<Xapian::Document> talk_documents;
    for (const RetrievedDoc& talk : best_talks) {
      talk_docids.push_back(talk.docid);
      talk_documents.push_back(talk.document);
    }
    const std::vector<std::string> talk_speakers =
        read_slot(db, schema::kSlotSpeakers, talk_docids, talk_documents, backend.remote);
    // Dates are read only when the recency prior is on (it is off by default).
    const bool by_recency = params.recency_weight > 0;
    const std::string newest = by_recency ? newest_date(best_talks) : std::string();
    std::vector<std::string> unseen;
    for (std::size_t t = 0; t < best_talks.size(); ++t) {
      const RetrievedDoc& talk = best_talks[t];
      for (const auto& id : schema::split_speakers(talk_speakers[t])) {
        auto [entry, inserted] = candidates.try_emplace(id);
        if (inserted) unseen.push_back(id);
        Candidate& c = entry->second;
        if (c.talk_votes.size() < static_cast<std::size_t>(params.talks_per_speaker)) {
          const double weight =
              by_recency ? talk.weight * recency_factor(talk.document.get_value(schema::kSlotDate),
                                                        newest, params)
                         : talk.weight;
          c.talk_votes.emplace_back(weight, talk.docid);
          c.talk += std::pow(params.vote_decay, static_cast<double>(c.talk_votes.size() - 1)) *
                    weight / talk_max;
        }
      }
    }
    // Speakers found only through talks must still pass the filters and have a profile:
    // one boolean query over their unique terms settles both.
    if (!unseen.empty()) {
      std::vector<Xapian::Query> ids;
      for (const auto& id : unseen) {
        ids.emplace_back(schema::unique_term(RecordKind::kSpeaker, id));
      }
      const Xapian::Query exists(Xapian::Query::OP_AND,
                                 Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()),
                                 *filter);
      Xapian::Enquire check(db);
      check.set_query(filtered_query(text, exists));
      check.set_weighting_scheme(weight_scheme);
      const Xapian::MSet found = check.get_mset(0, static_cast<Xapian::doccount>(unseen.size()));
      if (backend.remote) found.fetch();
      std::set<Xapian::docid> admitted;
      for (auto it = found.begin(); it != found.end(); ++it) {
        Candidate& c = candidates[it.get_document().get_value(schema::kSlotId)];
        c.profile_docid = *it;
        c.profile = it.get_weight() / profile_max;
        admitted.insert(*it);
      }
      // A speaker whose profile does not match may still have talks that do through words the
      // profile cannot hold: transcripts stay out of profiles (RANKING.md 1.3, point 6). Such a
      // speaker is admitted with a profile score of 0 when a voting talk matched a term the
      // profile lacks; a talk matching only profile words (e.g. "a NOT b" where the profile has
      // b) is not enough.
      if (admitted.size() < unseen.size()) {
        Xapian::Enquire rest(db);
        rest.set_query(exists);
        rest.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet profiles_left =
            rest.get_mset(0, static_cast<Xapian::doccount>(unseen.size()));
        for (auto it = profiles_left.begin(); it != profiles_left.end(); ++it) {
          if (admitted.contains(*it)) continue;
          const Xapian::Document profile = it.get_document();
          Candidate& c = candidates[profile.get_value(schema::kSlotId)];
          if (talk_only_match(talks, text, c, profile)) {
            c.profile_docid = *it;
            c.profile = 0;
            ++response.total;
          }
        }
      }
    }
  }

  std::vector<Candidate*> ranked;
  double talk_norm = 0;
  for (auto& [id, c] : candidates) talk_norm = std::max(talk_norm, c.talk);
  if (talk_norm <= 0) talk_norm = 1;
  for (auto& [id, c] : candidates) {
    if (c.profile_docid == 0) continue;  // filtered out, or no profile (undefined speaker)
    c.id = id;
    c.profile = settled(c.profile);
    c.talk = settled(c.talk / talk_norm);
    c.fused = settled(request.model == RankingModel::kFused
                          ? params.profile_weight * c.profile + (1 - params.profile_weight) * c.talk
                          : c.profile);
    ranked.push_back(&c);
  }
  if (request.model == RankingModel::kFused && params.rrf_k > 0) {
    // Reciprocal rank fusion (Cormack et al., SIGIR 2009): robust to the two runs' score scales.
    auto rank_by = [&](auto score) {
      std::vector<Candidate*> order = ranked;
      std::sort(order.begin(), order.end(), [&](const Candidate* a, const Candidate* b) {
        return score(a) != score(b) ? score(a) > score(b) : a->id < b->id;
      });
      std::unordered_map<const Candidate*, double> rank;
      for (std::size_t i = 0; i < order.size(); ++i) {
        if (score(order[i]) > 0) rank[order[i]] = 1.0 / (params.rrf_k + static_cast<double>(i + 1));
      }
      return rank;
    };
    auto by_profile = rank_by([](const Candidate* c) { return c->profile; });
    auto by_talks = rank_by([](const Candidate* c) { return c->talk; });
    for (Candidate* c : ranked) {
      c->fused = params.profile_weight * by_profile[c] + (1 - params.profile_weight) * by_talks[c];
    }
  }
  if (request.model == RankingModel::kFused && params.named_first) {
    // A query that names a speaker in full is about them: they come first, whatever their talks
    // say (fused scores are at most 1).
    for (Xapian::docid docid : named_speakers(db, request.query, text, *filter)) {
      const std::string id = db.get_document(docid).get_value(schema::kSlotId);
      Candidate& c = candidates[id];
      if (c.profile_docid == 0) {  // beyond the profile run's depth
        c.profile_docid = docid;
        c.id = id;
        ranked.push_back(&c);
      }
      c.named = true;
      c.fused = settled(1 + c.fused);
    }
  }
  std::sort(ranked.begin(), ranked.end(), [](const Candidate* a, const Candidate* b) {
    return a->fused != b->fused ? a->fused > b->fused : a->id < b->id;
  });
  if (request.diversity) {
    std::vector<RankedSpeaker> pool;
    for (std::size_t i = 0; i < ranked.size() && i < kDiversityPool; ++i) {
      pool.push_back({ranked[i]->profile_docid, ranked[i]->fused, {}});
      for (const auto& vote : ranked[i]->talk_votes) pool.back().talk_docids.push_back(vote.second);
    }
    response.diversity.emplace();
    const std::vector<std::size_t> order =
        diversify_ranked(db, request, pool, *response.diversity, backend.remote);
    const std::vector<Candidate*> before(ranked.begin(),
                                         ranked.begin() + static_cast<long>(pool.size()));
    for (std::size_t i = 0; i < order.size(); ++i) ranked[i] = before[order[i]];
  }

  const auto first = static_cast<std::size_t>(request.offset);
  const auto last = std::min(ranked.size(), first + static_cast<std::size_t>(request.k));
  const QueryWordStems query_words(request.explain ? request.query : std::string());
  Xapian::MSet snippets = request.model == RankingModel::kFused ? talk_mset : profile_mset;
  if (backend.remote && backend.query_db != nullptr && backend.query_db != &db) {
    // MSet::snippet() asks its database for the frequency of every word of the text: a round
    // trip each on a remote shard. A match on the local copy gives the same statistics.
    Xapian::Enquire local(*backend.query_db);
    local.set_query(text);
    snippets = local.get_mset(0, 1);
  }
  // The voting talks are a speaker's best matches, best first (ties by id), unless the cap or
  // the talk run's depth cut them short: those speakers' talks are looked up, in one match.
  std::map<std::string, std::vector<Xapian::docid>> looked_up;
  if (request.with_evidence) {
    std::vector<std::string> short_of_talks;
    for (std::size_t i = first; i < last; ++i) {
      if (ranked[i]->talk_votes.size() < kEvidencePerResult)
        short_of_talks.push_back(ranked[i]->id);
    }
    looked_up = best_matching_talks(db, text, short_of_talks, kEvidencePerResult, backend.remote);
  }
  for (std::size_t i = first; i < last; ++i) {
    const Candidate& c = *ranked[i];
    SpeakerHit hit = make_hit(db.get_document(c.profile_docid), c.fused);
    if (request.with_evidence) {
      std::vector<Xapian::docid> best_talks;
      if (c.talk_votes.size() >= kEvidencePerResult) {
        for (const auto& vote : c.talk_votes) best_talks.push_back(vote.second);
      } else if (auto it = looked_up.find(c.id); it != looked_up.end()) {
        best_talks = it->second;
      }
      hit.evidence = collect_evidence(db, snippets, hit.speaker, kEvidencePerResult, best_talks);
    }
    if (request.explain) {
      Explanation explanation;
      explanation.profile_score = c.profile;
      explanation.talk_score = c.talk;
      explanation.named = c.named;
      for (auto it = profile_mset.begin(); it != profile_mset.end(); ++it) {
        if (*it == c.profile_docid) {
          explanation.profile_terms = matched_terms_by_field(profiles, it);
          query_words.respell(explanation.profile_terms);
          break;
        }
      }
      for (std::size_t v = 0; v < c.talk_votes.size(); ++v) {
        TalkContribution contribution;
        contribution.weight = c.talk_votes[v].first;
        contribution.contribution =
            (1 - params.profile_weight) * std::pow(params.vote_decay, static_cast<double>(v)) *
            c.talk_votes[v].first / talk_mset.get_max_attained() / talk_norm;
        for (auto it = talk_mset.begin(); it != talk_mset.end(); ++it) {
          if (*it != c.talk_votes[v].second) continue;
          contribution.talk_id = it.get_document().get_value(schema::kSlotId);
          contribution.matched_terms = matched_terms_by_field(talks, it);
          query_words.respell(contribution.matched_terms);
          break;
        }
        explanation.talks.push_back(std::move(contribution));
      }
      hit.explanation = std::move(explanation);
    }
    response.results.push_back(std::move(hit));
  }
  return response;
}

}  // namespace podium::search
