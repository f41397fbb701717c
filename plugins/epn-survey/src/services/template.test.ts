import { describe, expect, it } from 'vitest';
import { checkAnswers, LANGS, ZSurveyDefinition, type Label } from './definition.ts';
import { NO_NAMES, TEMPLATE_ID, templateVersion, visitorProfileTemplate } from './template.ts';

const IDS = [
  'age_band',
  'gender',
  'education',
  'employment',
  'income',
  'commune',
  'visit_reason',
  'internet_home',
  'no_internet_reason',
  'devices',
  'skill_information',
  'skill_communication',
  'skill_content',
  'skill_safety',
  'skill_problem_solving',
  'comment'
];

/** Every text of the template with where it sits, for messages that point at the faulty one. */
function allLabels(): { where: string; label: Label }[] {
  const def = visitorProfileTemplate();
  const out: { where: string; label: Label }[] = [{ where: 'title', label: def.title }];
  if (def.intro) out.push({ where: 'intro', label: def.intro });
  for (const q of def.questions) {
    out.push({ where: `${q.id}.label`, label: q.label });
    if (q.hint) out.push({ where: `${q.id}.hint`, label: q.hint });
    for (const c of q.choices ?? []) out.push({ where: `${q.id}.${c.value}`, label: c.label });
  }
  return out;
}

describe('visitor profile template', () => {
  it('is a valid survey definition with the stable ids, in order', () => {
    const def = visitorProfileTemplate();
    expect(ZSurveyDefinition.safeParse(def).success).toBe(true);
    expect(def.questions.map((q) => q.id)).toEqual(IDS);
    expect(TEMPLATE_ID).toBe('visitor-profile');
    expect(templateVersion).toMatch(/\S/);
  });

  it('has the expected question types and choice values', () => {
    const byId = new Map(visitorProfileTemplate().questions.map((q) => [q.id, q]));
    const values = (id: string) => (byId.get(id)?.choices ?? []).map((c) => c.value);
    expect(byId.get('age_band')).toMatchObject({ type: 'age_band', required: true });
    expect(byId.get('commune')?.type).toBe('commune');
    expect(byId.get('comment')).toMatchObject({ type: 'long_text', required: false });
    expect(values('gender')).toEqual(['woman', 'man', 'other', 'no_answer']);
    expect(values('education')).toEqual(['low', 'medium', 'high', 'no_answer']);
    expect(values('employment')).toEqual(['employed', 'self_employed', 'job_seeker', 'student', 'retired', 'unable_to_work', 'at_home', 'other', 'no_answer']);
    expect(values('income')).toEqual(['eur_0_1499', 'eur_1500_2499', 'eur_2500_3499', 'eur_3500_4999', 'eur_5000_plus', 'no_answer']);
    expect(values('internet_home')).toEqual(['yes', 'mobile_only', 'no']);
    for (const id of ['visit_reason', 'no_internet_reason', 'devices']) expect(byId.get(id)?.type).toBe('multiple');
    for (const id of IDS.filter((i) => i.startsWith('skill_'))) {
      expect(byId.get(id)?.type).toBe('single');
      expect(values(id)).toEqual(['none', 'basic', 'above_basic']);
      expect(byId.get(id)?.hint?.en).toMatch(/^For example: /);
    }
    // Only age is required: every other question can be skipped.
    expect(visitorProfileTemplate().questions.filter((q) => q.required).map((q) => q.id)).toEqual(['age_band']);
  });

  it('has every text in French, Dutch and English', () => {
    for (const { where, label } of allLabels()) {
      for (const lang of LANGS) expect(label[lang]?.trim() ?? '', `${where} (${lang})`).not.toBe('');
    }
  });

  it('has no double, leading or trailing spaces, and no leftover typing marks', () => {
    for (const { where, label } of allLabels()) {
      for (const lang of LANGS) {
        const s = label[lang] ?? '';
        expect(s, `${where} (${lang})`).not.toMatch(/\s\s/);
        expect(s, `${where} (${lang})`).toBe(s.trim());
        expect(s, `${where} (${lang})`).not.toMatch(/\s[,.]|TODO|\?\?/);
      }
    }
  });

  it('gives each language its own text (no copy left untranslated)', () => {
    // Words that are the same in two languages are fine ("Man", "Smartphone"); whole sentences are not.
    for (const { where, label } of allLabels()) {
      if ((label.fr ?? '').split(' ').length < 3) continue;
      expect(new Set([label.fr, label.nl, label.en]).size, where).toBe(3);
    }
  });

  it('warns against names on every free-text question', () => {
    const free = visitorProfileTemplate().questions.filter((q) => q.type === 'short_text' || q.type === 'long_text');
    expect(free.length).toBeGreaterThan(0);
    for (const q of free) for (const lang of LANGS) expect(q.hint?.[lang], `${q.id} (${lang})`).toContain(NO_NAMES[lang]);
  });

  it('returns a fresh copy on every call', () => {
    const a = visitorProfileTemplate();
    a.questions[0]!.label.fr = 'changé';
    expect(visitorProfileTemplate().questions[0]!.label.fr).toBe('Quel âge avez-vous ?');
  });

  describe('answers', () => {
    const def = visitorProfileTemplate();
    const full = {
      age_band: '35-44',
      gender: 'woman',
      education: 'medium',
      employment: 'job_seeker',
      income: 'eur_0_1499',
      commune: '21004',
      visit_reason: ['admin_help', 'print'],
      internet_home: 'no',
      no_internet_reason: ['cost', 'no_device'],
      devices: ['smartphone'],
      skill_information: 'basic',
      skill_communication: 'basic',
      skill_content: 'none',
      skill_safety: 'none',
      skill_problem_solving: 'above_basic',
      comment: 'Merci pour votre aide.'
    };

    it('accepts a full response', () => {
      expect(checkAnswers(def, full)).toEqual({ ok: true, answers: full });
    });

    it('accepts a response with only the age', () => {
      expect(checkAnswers(def, { age_band: '75+' }).ok).toBe(true);
      expect(checkAnswers(def, { age_band: '16-24', commune: 'outside' }).ok).toBe(true);
    });

    it('refuses a response without the age', () => {
      const { age_band: _age, ...rest } = full;
      expect(checkAnswers(def, rest)).toEqual({ ok: false, errors: { age_band: 'epn_survey_error_required' } });
    });

    it('asks why there is no internet only when there is none', () => {
      for (const internet_home of ['yes', 'mobile_only']) {
        expect(checkAnswers(def, { ...full, internet_home })).toEqual({ ok: false, errors: { no_internet_reason: 'epn_survey_error_hidden_answer' } });
      }
      const { internet_home: _i, ...unanswered } = full;
      expect(checkAnswers(def, unanswered)).toEqual({ ok: false, errors: { no_internet_reason: 'epn_survey_error_hidden_answer' } });
      const { no_internet_reason: _n, ...withoutReason } = full;
      expect(checkAnswers(def, { ...withoutReason, internet_home: 'yes' }).ok).toBe(true);
      // The follow-up is optional even when shown.
      expect(checkAnswers(def, withoutReason).ok).toBe(true);
    });

    it('refuses values that are not choices', () => {
      expect(checkAnswers(def, { age_band: '30' })).toMatchObject({ ok: false, errors: { age_band: 'epn_survey_error_invalid_choice' } });
      expect(checkAnswers(def, { age_band: '35-44', income: '2000' })).toMatchObject({ ok: false, errors: { income: 'epn_survey_error_invalid_choice' } });
      expect(checkAnswers(def, { age_band: '35-44', skill_safety: 'expert' })).toMatchObject({ ok: false, errors: { skill_safety: 'epn_survey_error_invalid_choice' } });
    });
  });
});
