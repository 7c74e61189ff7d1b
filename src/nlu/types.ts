export interface Sample {
  label: string;
  features: string[];
}

export interface Scored {
  label: string;
  score: number;
}

/** Labels with scores, best first. Scores are kept as computed: later stages never overwrite them. */
export type Ranking = Scored[];
